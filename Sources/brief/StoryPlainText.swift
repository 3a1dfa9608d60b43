import BriefModel
import BriefStore
import Foundation

/// `brief show` without `--json`: the story as plain text, every string through `TerminalText.sanitize`
/// so hostile escapes and bidi controls stored in the story cannot act on the terminal.
enum StoryPlainText {
    static func render(_ stored: StoredStory) -> String {
        let story = stored.story
        var lines: [String] = [clean(story.title)]
        var byline: [String] = []
        if let dateline = story.dateline {
            var text = dateline.places.map(clean).joined(separator: "/")
            if let agency = dateline.agency { text += (text.isEmpty ? "" : " ") + "(\(clean(agency)))" }
            if !text.isEmpty { byline.append(text) }
        }
        if let published = stored.summary.published { byline.append(DateFormatter.listDay.string(from: published)) }
        byline.append(clean(stored.summary.source))
        lines.append(byline.joined(separator: " · "))

        for section in story.sections {
            lines.append("")
            switch section.kind {
            case .turn:
                let speaker = section.title.map(clean) ?? "SPEAKER"
                for (index, paragraph) in section.paragraphs.enumerated() {
                    if index > 0 { lines.append("") }
                    lines.append(index == 0 ? "\(speaker): \(clean(paragraph.text, keepNewlines: true))"
                                            : clean(paragraph.text, keepNewlines: true))
                }
            case .lede, .body, .credits:
                if let title = section.title {
                    lines.append("## \(clean(title))")
                    lines.append("")
                }
                lines.append(section.paragraphs.map { clean($0.text, keepNewlines: true) }.joined(separator: "\n\n"))
            }
        }
        if !story.quotes.isEmpty {
            lines.append("")
            lines.append("Quotes")
            for quote in story.quotes {
                let speaker = quote.speaker.map { " — \(clean($0))" } ?? ""
                lines.append("  “\(clean(quote.text))”\(speaker)")
            }
        }
        if !story.entities.isEmpty {
            lines.append("")
            lines.append("Entities")
            for entity in EntityRanking.ranked(story.entities) {
                lines.append("  \(clean(entity.name)) (\(entity.type.rawValue), \(entity.mentions)×)")
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func clean(_ text: String) -> String { TerminalText.sanitize(text) }

    private static func clean(_ text: String, keepNewlines: Bool) -> String {
        TerminalText.sanitize(text, keepNewlines: keepNewlines)
    }
}
