import BriefLayout
import BriefLibrary
import BriefModel
import BriefTagger

/// An entity page as lines: its name, type and aliases, then every story that mentions it (newest first,
/// unread marked; only those matching the filter while one is set) with the sentence of the mention, the
/// entity highlighted; and the lines each story occupies (for selection and scrolling).
struct EntityPageLines: Hashable, Sendable {
    /// The width the page was laid out for.
    var width = 0
    var lines: [[StyledSpan]] = []
    /// For each story on the page, the range of lines it occupies.
    var storyRows: [Range<Int>] = []

    func rows(ofStory index: Int) -> Range<Int>? {
        storyRows.indices.contains(index) ? storyRows[index] : nil
    }

    /// The page's lines at `width`: those kept on the page when they were laid out for it, else laid out now.
    static func laidOut(_ page: EntityPageState, width: Int, theme: Theme) -> EntityPageLines {
        if let kept = page.laidOut, kept.width == width { return kept }
        return make(page, width: width, theme: theme)
    }

    static func make(_ page: EntityPageState, width: Int, theme: Theme) -> EntityPageLines {
        var result = EntityPageLines(width: width)
        guard let profile = page.profile else {
            result.lines = [[StyledSpan(page.hasLoaded ? "This entity is no longer in the cache." : "Loading…")]]
            return result
        }
        let entity = profile.entity
        let type = entity.type
        let textWidth = max(1, width - 2)
        // A window of a long page's stories further down shows them without the page's head.
        let head = profile.storyOffset == 0 || !page.filter.isEmpty
        func add(_ glyphs: [StyledGrapheme], indent: Int = 0) {
            result.lines += wrapped(glyphs, indent: indent, textWidth: textWidth, theme: theme)
        }
        if head { result.lines += headLines(profile, theme: theme, textWidth: textWidth) }
        let shown = page.stories
        for story in shown {
            let first = result.lines.count
            let summary = story.summary
            let date = StoryDates.day(summary.published) + "  "
            let room = max(0, textWidth - 2 - date.count)
            let title = TextFit.truncate(TerminalText.sanitize(summary.title, keepNewlines: false), to: room)
            result.lines.append([StyledSpan(summary.isRead ? "  " : "● ", theme.unreadMarker), StyledSpan(date, theme.date),
                                 StyledSpan(title, summary.isRead ? theme.readTitle : theme.unreadTitle)])
            // A story naming the entity only in its headline has no sentence.
            if !story.sentence.isEmpty { add(sentenceGlyphs(story, highlight: TextStyle(.plain, entity: type)), indent: 4) }
            result.lines.append([])
            result.storyRows.append(first..<result.lines.count - 1)
        }
        if profile.storyCount == 0 {
            result.lines.append([StyledSpan("No stories mention it any more.")])
        } else if shown.isEmpty, !page.filter.isEmpty {
            add(StyledGrapheme.run("No headline here holds “\(TerminalText.sanitize(page.filter, keepNewlines: false))”. Esc clears the filter."))
        }
        return result
    }

    /// `glyphs` wrapped to the text width less `indent`, each line indented.
    private static func wrapped(_ glyphs: [StyledGrapheme], indent: Int, textWidth: Int, theme: Theme) -> [[StyledSpan]] {
        TextWrapper.wrap(glyphs, width: max(1, textWidth - indent)).map { line in
            [StyledSpan(String(repeating: " ", count: indent))] + StyledSpan.runs(line, theme: theme)
        }
    }

    /// The page's head: name, type and counts, other names, and what the entity said.
    private static func headLines(_ profile: EntityProfile, theme: Theme, textWidth: Int) -> [[StyledSpan]] {
        var lines: [[StyledSpan]] = []
        func add(_ glyphs: [StyledGrapheme], indent: Int = 0) {
            lines += wrapped(glyphs, indent: indent, textWidth: textWidth, theme: theme)
        }
        let entity = profile.entity
        add(StyledGrapheme.run(entity.canonicalName, TextStyle(.headline, entity: entity.type)))
        let stories = profile.storyCount
        let country = entity.country.map { " · \($0)" } ?? ""
        add(StyledGrapheme.run("\(entity.type.displayName)\(country) · \(entity.mentions) mention\(entity.mentions == 1 ? "" : "s") in \(stories) stor\(stories == 1 ? "y" : "ies")", TextStyle(.dateline)))
        let aliases = profile.allAliases()
        if !aliases.isEmpty {
            add(StyledGrapheme.run("Also: " + aliases.joined(separator: ", "), TextStyle(.note)))
        }
        lines.append([])
        if !profile.said.isEmpty {
            // What they said, newest first: the day and story, then the words (a turn's cut to three lines).
            add(StyledGrapheme.run("Said", TextStyle(.sectionHeading)))
            for quote in profile.said {
                let heading = StoryDates.day(quote.published) + "  " + quote.storyTitle
                add(StyledGrapheme.run(TextFit.truncate(TerminalText.sanitize(heading, keepNewlines: false),
                                                        to: textWidth - 2), TextStyle(.dateline)), indent: 2)
                let words = quote.isTurn ? TerminalText.sanitize(quote.text, keepNewlines: false)
                    : "“" + TerminalText.sanitize(quote.text, keepNewlines: false) + "”"
                let said = TextWrapper.wrap(words, width: max(1, textWidth - 4))
                for (index, line) in said.prefix(3).enumerated() {
                    let cut = index == 2 && said.count > 3 ? TextFit.truncate(line + " …", to: textWidth - 4) : line
                    lines.append([StyledSpan("    " + cut, theme.quote)])
                }
            }
            lines.append([])
        }
        return lines
    }

    /// The sentence with the mention in the entity's style.
    private static func sentenceGlyphs(_ story: EntityStory, highlight: TextStyle) -> [StyledGrapheme] {
        let scalars = Array(story.sentence.unicodeScalars)
        func text(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }
        guard story.mentionStart >= 0, story.mentionStart < story.mentionEnd, story.mentionEnd <= scalars.count else {
            return StyledGrapheme.run(story.sentence)
        }
        return StyledGrapheme.run(text(0..<story.mentionStart))
            + StyledGrapheme.run(text(story.mentionStart..<story.mentionEnd), highlight)
            + StyledGrapheme.run(text(story.mentionEnd..<scalars.count))
    }
}
