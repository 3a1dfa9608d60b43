import BriefModel
import BriefTagger
import Foundation

/// A story laid out as lines of styled runs: its lines, where each section starts, and where each mention
/// sits. The one story renderer: the reader draws a `.screen` layout with its theme, `brief show` prints a
/// `.plain` one without styles (`plainText`), so how a headline, dateline, heading or quote is shown is
/// decided here once. A pure function of the story, its day and the format (tested as text).
///
/// Laying out measures every grapheme once (one byte each, ASCII without Unicode tables) and keeps only
/// where each line starts and ends; a line's styled graphemes are built when it is read (`lines[i]`), so a
/// long story lays out in milliseconds and holds little more than its text.
public struct StoryLayout: Hashable, Sendable {
    public private(set) var lines = StoryLines()
    /// First line of each section, and of the Quotes section, in reading order.
    public private(set) var sectionStarts: [Int] = []
    public private(set) var mentions: [MentionSpot] = []
    /// First line of each paragraph, counting the story's paragraphs in reading order across sections (as
    /// `Quote.paragraph` does).
    public private(set) var paragraphStarts: [Int] = []
    public let format: StoryFormat
    /// The columns lines are wrapped to (0 for plain text, which is not wrapped).
    public let width: Int

    /// Lays out `story`, published on `date` (nil: undated), in `width` columns for the reader.
    public init(_ story: Story, date: Date?, width: Int) {
        self.init(story, date: date, format: .screen(width: width))
    }

    public init(_ story: Story, date: Date?, format: StoryFormat) {
        self.format = format
        var plainSource: String?
        switch format {
        case let .screen(width): self.width = max(1, width)
        case let .plain(source):
            width = 0
            plainSource = source
        }
        let plain = plainSource != nil
        var scratch = LayoutScratch()

        addWrapped(RunList(story.title, TextStyle(.headline)), &scratch)
        var dateline = StoryDateline.text(story.dateline, date: date)
        if let plainSource { dateline += " · " + plainSource }
        addWrapped(RunList(dateline, TextStyle(.dateline)), &scratch)
        addBlank()
        if !plain, story.sections.contains(where: { $0.paragraphs.contains { !$0.mentions.isEmpty } }) {
            var legend = RunList()
            for type in EntityType.allCases {
                if !legend.runs.isEmpty { legend.add("  ", .plain) }
                legend.add(type.displayName, TextStyle(.plain, entity: type))
            }
            addWrapped(legend, &scratch)
            addBlank()
        }

        var mentionNumber = 0
        for section in story.sections {
            sectionStarts.append(lines.count)
            let bodyStyle = TextStyle(section.kind == .credits ? .credits : .plain)
            // Plain text runs a turn's speaker into its first paragraph, where the screen gives it a line.
            var speaker = RunList()
            let title = section.title.flatMap { $0.isEmpty ? nil : $0 }
            if section.kind == .turn {
                if plain {
                    speaker.add((title ?? "SPEAKER") + ": ", TextStyle(.speaker))
                } else if let title {
                    addWrapped(RunList(title, TextStyle(.speaker)), &scratch)
                }
            } else if let title {
                addWrapped(RunList(plain ? "## " + title : title, TextStyle(.sectionHeading)), &scratch)
                addBlank()
            }
            for paragraph in section.paragraphs {
                // A turn's label line belongs to its first paragraph.
                paragraphStarts.append(speaker.runs.isEmpty && section.kind == .turn && title != nil && !plain
                                       && paragraph == section.paragraphs.first ? lines.count - 1 : lines.count)
                var runs = speaker
                speaker = RunList()
                StoryLayout.addRuns(of: paragraph, style: bodyStyle, firstNumber: mentionNumber, keepNewlines: plain,
                                    to: &runs)
                addWrapped(runs, &scratch)
                for (number, line) in scratch.mentionLines {
                    let mention = paragraph.mentions[number - mentionNumber]
                    mentions.append(MentionSpot(number: number, line: line, entity: mention.entity,
                                                type: mention.type, text: mention.text))
                }
                mentionNumber += paragraph.mentions.count
                addBlank()
            }
        }

        // Lists: on screen each item is a block of its own; in plain text an indented line.
        let indent = plain ? "  " : ""
        if !story.quotes.isEmpty {
            sectionStarts.append(lines.count)
            addWrapped(RunList("Quotes", TextStyle(.sectionHeading)), &scratch)
            if !plain { addBlank() }
            for quote in story.quotes {
                var runs = RunList(indent + "“" + quote.text + "”", TextStyle(.quote))
                if let speaker = quote.speaker, !speaker.isEmpty {
                    runs.add(" — ", .plain)
                    runs.add(speaker, TextStyle(.quoteSpeaker))
                }
                addWrapped(runs, &scratch)
                if !plain { addBlank() }
            }
        }
        if plain, !story.entities.isEmpty {
            if !story.quotes.isEmpty { addBlank() }
            addWrapped(RunList("Entities", TextStyle(.sectionHeading)), &scratch)
            for entity in EntityRanking.ranked(story.entities) {
                var runs = RunList(indent + entity.name, TextStyle(.plain, entity: entity.type))
                runs.add(" (\(entity.type.rawValue), \(entity.mentions)×)", TextStyle(.note))
                addWrapped(runs, &scratch)
            }
        }
        if let last = lines.indices.last, lines.isBlank(last) { lines.spans.removeLast() }
    }

    /// The layout as plain text: its lines without styles, joined by line breaks.
    public var plainText: String {
        lines.indices.map { lines.text(ofLine: $0) }.joined(separator: "\n")
    }

    /// The first line of the block `target`, or of the first block after it that has lines.
    public func firstLine(ofBlock target: Int) -> Int {
        // Blocks only grow down the story, so the lines are sorted by block.
        var low = 0, high = lines.spans.count
        while low < high {
            let middle = (low + high) / 2
            if lines.spans[middle].block >= target { high = middle } else { low = middle + 1 }
        }
        return low < lines.spans.count ? low : max(0, lines.spans.count - 1)
    }

    /// Adds the paragraph as styled pieces, each mention a piece of its own naming its entity type. Mention
    /// offsets count Unicode scalars of the raw text, so the text is cut at mention boundaries before it is
    /// sanitised.
    static func addRuns(of paragraph: Paragraph, style: TextStyle, firstNumber: Int, keepNewlines: Bool,
                        to runs: inout RunList) {
        var text = paragraph.text
        text.withUTF8 { bytes in
            let count = bytes.count
            // Scalars start at every byte that does not continue a UTF-8 sequence.
            var scalarCount = 0
            for byte in bytes where byte & 0xC0 != 0x80 { scalarCount += 1 }
            var scalar = 0, byte = 0
            // The byte where scalar `target` (at or after the current one) starts; walks forward only.
            func byteOffset(ofScalar target: Int) -> Int {
                while scalar < target, byte < count {
                    byte += 1
                    while byte < count, bytes[byte] & 0xC0 == 0x80 { byte += 1 }
                    scalar += 1
                }
                return byte
            }
            func piece(_ from: Int, _ to: Int) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
            }
            var position = 0
            var positionByte = 0
            for (offset, mention) in paragraph.mentions.enumerated() {
                // Overlapping or out-of-range offsets (bad data) are skipped, never trusted.
                guard mention.start >= position, mention.start < mention.end, mention.end <= scalarCount else { continue }
                let start = byteOffset(ofScalar: mention.start)
                let end = byteOffset(ofScalar: mention.end)
                runs.add(piece(positionByte, start), style, keepNewlines: keepNewlines)
                runs.add(piece(start, end), style.mentioning(mention.type), mention: firstNumber + offset,
                         keepNewlines: keepNewlines)
                position = mention.end
                positionByte = end
            }
            runs.add(piece(positionByte, count), style, keepNewlines: keepNewlines)
        }
    }

    // MARK: - Building

    /// Lays one block out in lines (wrapped on screen, at its own line breaks in plain text) and records
    /// them; leaves in `scratch.mentionLines`, for each mention piece that shows, its number and the line
    /// holding its first grapheme.
    private mutating func addWrapped(_ list: RunList, _ scratch: inout LayoutScratch) {
        let block = lines.blocks.count
        scratch.measure(list.runs)
        scratch.wrap(width: width > 0 ? width : nil)
        let firstLine = lines.spans.count
        for range in scratch.ranges {
            lines.spans.append(LineSpan(block: block, start: scratch.offsets[range.lowerBound],
                                        end: scratch.offsets[range.upperBound]))
        }
        // Each mention's line: the first line sharing a grapheme with its piece (lines and pieces both run
        // forward, so one pass over each).
        scratch.mentionLines.removeAll(keepingCapacity: true)
        var line = 0
        for (number, run) in list.runs.enumerated() {
            guard let mention = run.mention else { continue }
            let first = scratch.runStarts[number], end = scratch.runStarts[number + 1]
            while line < scratch.ranges.count, scratch.ranges[line].upperBound <= first { line += 1 }
            // A later line that starts inside the piece shares a grapheme with it unless it is empty.
            var candidate = line
            while candidate < scratch.ranges.count, scratch.ranges[candidate].lowerBound < end {
                if !scratch.ranges[candidate].isEmpty {
                    scratch.mentionLines.append((mention, firstLine + candidate))
                    break
                }
                candidate += 1
            }
        }
        lines.blocks.append(list.runs)
    }

    /// A blank line belongs to the block above it.
    private mutating func addBlank() {
        lines.spans.append(LineSpan(block: max(0, lines.blocks.count - 1), start: 0, end: 0))
    }
}
