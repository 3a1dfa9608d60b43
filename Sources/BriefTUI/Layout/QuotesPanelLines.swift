import BriefLayout
import BriefModel
import BriefStore

/// The lines of a story's quotes panel: for each quote its speaker (the name in full, else the description the
/// story gives, else "unattributed"), its words on the lines below (at most three, the last cut with `…`), its
/// translation, and a blank line; and the lines each quote takes (for selection and scrolling).
struct QuotesPanelLines {
    var lines: [[StyledSpan]] = []
    /// For each quote, the lines it takes (without the blank after it).
    var rows: [Range<Int>] = []

    init(_ stored: StoredStory?, width: Int, theme: Theme) {
        let width = max(8, width)
        for quote in stored?.story.quotes ?? [] {
            let start = lines.count
            let who = quote.speaker.map { TerminalText.sanitize($0) }
            let described = quote.description.map { TerminalText.sanitize($0) }
            lines.append([StyledSpan(TextFit.truncate(who ?? described ?? "unattributed", to: width),
                                     who == nil ? theme.topEntities : theme.quoteSpeaker)])
            let words = TerminalText.sanitize("“" + quote.text + "”")
            var text = TextWrapper.wrap(words, width: width - 2)
            if text.count > 3 { text = Array(text.prefix(3)); text[2] = TextFit.truncate(text[2] + " …", to: width - 2) }
            for line in text { lines.append([StyledSpan("  " + line, theme.quote)]) }
            if let translation = quote.translation {
                lines.append([StyledSpan(TextFit.truncate("  (“" + TerminalText.sanitize(translation) + "”)", to: width),
                                         theme.topEntities)])
            }
            rows.append(start..<lines.count)
            lines.append([])
        }
    }
}
