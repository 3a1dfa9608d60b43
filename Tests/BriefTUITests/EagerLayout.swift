@testable import BriefLayout
import BriefModel
import BriefStore
import BriefTagger
@testable import BriefTUI
import Foundation

/// The straightforward story layout, as the reader had it before lines were built on demand: every
/// grapheme styled, every line built at once. Kept only as the reference `StoryLayout` must match.
struct EagerLayout {
    var lines: [StoryLine] = []
    var sectionStarts: [Int] = []
    var mentions: [MentionSpot] = []
    let width: Int
    private var block = 0

    init(_ stored: StoredStory, width: Int) {
        self.width = max(1, width)
        let story = stored.story
        addWrapped(StyledGrapheme.run(story.title, TextStyle(.headline)))
        var dateline: [String] = []
        if let places = story.dateline?.places, !places.isEmpty { dateline.append(places.joined(separator: " · ")) }
        if let agency = story.dateline?.agency, !agency.isEmpty { dateline.append(agency) }
        dateline.append(StoryDates.format(stored.summary.published ?? stored.summary.importedAt))
        addWrapped(StyledGrapheme.run(dateline.joined(separator: " · "), TextStyle(.dateline)))
        addBlank()
        if story.sections.contains(where: { $0.paragraphs.contains { !$0.mentions.isEmpty } }) {
            var legend: [StyledGrapheme] = []
            for type in EntityType.allCases {
                if !legend.isEmpty { legend += StyledGrapheme.run("  ") }
                legend += StyledGrapheme.run(type.displayName, TextStyle(.plain, entity: type))
            }
            addWrapped(legend)
            addBlank()
        }
        var mentionNumber = 0
        for section in story.sections {
            sectionStarts.append(lines.count)
            let bodyStyle = TextStyle(section.kind == .credits ? .credits : .plain)
            if let title = section.title, !title.isEmpty {
                let style = TextStyle(section.kind == .turn ? .speaker : .sectionHeading)
                addWrapped(StyledGrapheme.run(title, style))
                if section.kind != .turn { addBlank() }
            }
            for paragraph in section.paragraphs {
                let first = lines.count
                addWrapped(Self.glyphs(of: paragraph, style: bodyStyle, firstNumber: mentionNumber))
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
            addWrapped(StyledGrapheme.run("Quotes", TextStyle(.sectionHeading)))
            addBlank()
            for quote in story.quotes {
                var glyphs = StyledGrapheme.run("“" + quote.text + "”", TextStyle(.quote))
                if let speaker = quote.speaker, !speaker.isEmpty {
                    glyphs += StyledGrapheme.run(" — ")
                    glyphs += StyledGrapheme.run(speaker, TextStyle(.quoteSpeaker))
                }
                addWrapped(glyphs)
                addBlank()
            }
        }
        if lines.last?.glyphs.isEmpty == true { lines.removeLast() }
    }

    static func glyphs(of paragraph: Paragraph, style: TextStyle, firstNumber: Int) -> [StyledGrapheme] {
        let scalars = Array(paragraph.text.unicodeScalars)
        var glyphs: [StyledGrapheme] = []
        var position = 0
        func text(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }
        for (offset, mention) in paragraph.mentions.enumerated() {
            guard mention.start >= position, mention.start < mention.end, mention.end <= scalars.count else { continue }
            glyphs += StyledGrapheme.run(text(position..<mention.start), style)
            glyphs += StyledGrapheme.run(text(mention.start..<mention.end), style.mentioning(mention.type),
                                         mention: firstNumber + offset)
            position = mention.end
        }
        glyphs += StyledGrapheme.run(text(position..<scalars.count), style)
        return glyphs
    }

    /// The word wrapping as it was, grapheme by grapheme.
    static func wrap(_ glyphs: [StyledGrapheme], width: Int) -> [[StyledGrapheme]] {
        let width = max(1, width)
        var lines: [[StyledGrapheme]] = []
        var line: [StyledGrapheme] = []
        var lineWidth = 0
        var pendingSpace: [StyledGrapheme] = []
        func breakLine() {
            lines.append(line)
            line = []
            lineWidth = 0
            pendingSpace = []
        }
        var index = 0
        while index < glyphs.count {
            let glyph = glyphs[index]
            if glyph.isLineBreak {
                breakLine()
                index += 1
                continue
            }
            if glyph.isSpace {
                if !line.isEmpty { pendingSpace.append(glyph) }
                index += 1
                continue
            }
            var end = index
            while end < glyphs.count, !glyphs[end].isSpace { end += 1 }
            let word = glyphs[index..<end]
            let wordWidth = word.reduce(0) { $0 + $1.width }
            let spaceWidth = pendingSpace.reduce(0) { $0 + $1.width }
            if lineWidth + spaceWidth + wordWidth <= width {
                line += pendingSpace
                line += word
                lineWidth += spaceWidth + wordWidth
                pendingSpace = []
            } else if wordWidth <= width {
                breakLine()
                line += word
                lineWidth = wordWidth
            } else {
                if !line.isEmpty { breakLine() }
                for piece in word {
                    if lineWidth + piece.width > width, !line.isEmpty { breakLine() }
                    line.append(piece)
                    lineWidth += piece.width
                }
            }
            pendingSpace = []
            index = end
        }
        lines.append(line)
        return lines
    }

    private mutating func addWrapped(_ glyphs: [StyledGrapheme]) {
        for line in Self.wrap(glyphs, width: width) { lines.append(StoryLine(glyphs: line, block: block)) }
        block += 1
    }

    private mutating func addBlank() {
        lines.append(StoryLine(glyphs: [], block: max(0, block - 1)))
    }

    func firstLine(ofBlock target: Int) -> Int {
        lines.firstIndex { $0.block >= target } ?? max(0, lines.count - 1)
    }
}
