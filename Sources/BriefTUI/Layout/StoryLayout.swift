import BriefModel
import BriefStore
import BriefTagger
import Foundation

/// A story laid out for a width: styled lines, where each section starts, and where each mention sits.
/// A pure function of the story, the width and the theme (tested as text).
public struct StoryLayout: Hashable, Sendable {
    public private(set) var lines: [StoryLine] = []
    /// First line of each section, and of the Quotes section, in reading order.
    public private(set) var sectionStarts: [Int] = []
    public private(set) var mentions: [MentionSpot] = []
    public let width: Int

    private var block = 0

    /// Lays out `stored` in `width` columns.
    public init(_ stored: StoredStory, width: Int, theme: Theme) {
        self.width = max(1, width)
        let story = stored.story

        addWrapped(StyledGrapheme.run(story.title, theme.headline))
        var dateline: [String] = []
        if let places = story.dateline?.places, !places.isEmpty { dateline.append(places.joined(separator: " · ")) }
        if let agency = story.dateline?.agency, !agency.isEmpty { dateline.append(agency) }
        dateline.append(StoryDates.format(stored.summary.published ?? stored.summary.importedAt))
        addWrapped(StyledGrapheme.run(dateline.joined(separator: " · "), theme.dateline))
        addBlank()
        if story.sections.contains(where: { $0.paragraphs.contains { !$0.mentions.isEmpty } }) {
            var legend: [StyledGrapheme] = []
            for type in EntityType.allCases {
                if !legend.isEmpty { legend += StyledGrapheme.run("  ") }
                legend += StyledGrapheme.run(type.displayName, theme.entity(type))
            }
            addWrapped(legend)
            addBlank()
        }

        var mentionNumber = 0
        for section in story.sections {
            sectionStarts.append(lines.count)
            let bodyStyle: CellStyle = section.kind == .credits ? theme.credits : .plain
            if let title = section.title, !title.isEmpty {
                let style = section.kind == .turn ? theme.speaker : theme.sectionHeading
                addWrapped(StyledGrapheme.run(title, style))
                if section.kind != .turn { addBlank() }
            }
            for paragraph in section.paragraphs {
                let first = lines.count
                let glyphs = StoryLayout.glyphs(of: paragraph, style: bodyStyle, theme: theme,
                                                firstNumber: mentionNumber)
                addWrapped(glyphs)
                // Each mention's spot is the line holding its first grapheme (one pass over the paragraph).
                var seen = Set<Int>()
                for line in first..<lines.count {
                    for glyph in lines[line].glyphs {
                        guard let number = glyph.mention, seen.insert(number).inserted else { continue }
                        let mention = paragraph.mentions[number - mentionNumber]
                        mentions.append(MentionSpot(number: number, line: line, entity: mention.entity,
                                                    type: mention.type, text: mention.text))
                    }
                }
                mentionNumber += paragraph.mentions.count
                addBlank()
            }
        }

        if !story.quotes.isEmpty {
            sectionStarts.append(lines.count)
            addWrapped(StyledGrapheme.run("Quotes", theme.sectionHeading))
            addBlank()
            for quote in story.quotes {
                var glyphs = StyledGrapheme.run("“" + quote.text + "”", theme.quote)
                if let speaker = quote.speaker, !speaker.isEmpty {
                    glyphs += StyledGrapheme.run(" — ")
                    glyphs += StyledGrapheme.run(speaker, theme.quoteSpeaker)
                }
                addWrapped(glyphs)
                addBlank()
            }
        }
        if lines.last?.glyphs.isEmpty == true { lines.removeLast() }
    }

    /// The paragraph's graphemes with each mention styled by its entity type. Mention offsets count
    /// Unicode scalars of the raw text, so the text is cut at mention boundaries before it is sanitised.
    static func glyphs(of paragraph: Paragraph, style: CellStyle, theme: Theme, firstNumber: Int) -> [StyledGrapheme] {
        let scalars = Array(paragraph.text.unicodeScalars)
        var glyphs: [StyledGrapheme] = []
        var position = 0
        func text(_ range: Range<Int>) -> String {
            String(String.UnicodeScalarView(scalars[range]))
        }
        for (offset, mention) in paragraph.mentions.enumerated() {
            // Overlapping or out-of-range offsets (bad data) are skipped, never trusted.
            guard mention.start >= position, mention.start < mention.end, mention.end <= scalars.count else { continue }
            glyphs += StyledGrapheme.run(text(position..<mention.start), style)
            glyphs += StyledGrapheme.run(text(mention.start..<mention.end), style.merged(with: theme.entity(mention.type)),
                                         mention: firstNumber + offset)
            position = mention.end
        }
        glyphs += StyledGrapheme.run(text(position..<scalars.count), style)
        return glyphs
    }

    private mutating func addWrapped(_ glyphs: [StyledGrapheme]) {
        for line in TextWrapper.wrap(glyphs, width: width) { lines.append(StoryLine(glyphs: line, block: block)) }
        block += 1
    }

    /// A blank line belongs to the block above it.
    private mutating func addBlank() {
        lines.append(StoryLine(glyphs: [], block: max(0, block - 1)))
    }

    /// The first line of the block that `line` belongs to.
    public func firstLine(ofBlock target: Int) -> Int {
        lines.firstIndex { $0.block >= target } ?? max(0, lines.count - 1)
    }
}
