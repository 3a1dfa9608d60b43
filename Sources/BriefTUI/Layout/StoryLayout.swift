import BriefModel
import BriefStore
import BriefTagger
import Foundation

/// A story laid out for a width: its lines, where each section starts, and where each mention sits.
/// A pure function of the story, the width and the theme (tested as text).
///
/// Laying out measures every grapheme once (one byte each, ASCII without Unicode tables) and keeps only
/// where each line starts and ends; a line's styled graphemes are built when it is read (`lines[i]`), so a
/// long story lays out in milliseconds and holds little more than its text.
public struct StoryLayout: Hashable, Sendable {
    public private(set) var lines = StoryLines()
    /// First line of each section, and of the Quotes section, in reading order.
    public private(set) var sectionStarts: [Int] = []
    public private(set) var mentions: [MentionSpot] = []
    public let width: Int

    /// Lays out `stored` in `width` columns.
    public init(_ stored: StoredStory, width: Int, theme: Theme) {
        self.width = max(1, width)
        let story = stored.story
        var scratch = LayoutScratch()

        addWrapped(RunList(story.title, theme.headline), &scratch)
        var dateline: [String] = []
        if let places = story.dateline?.places, !places.isEmpty { dateline.append(places.joined(separator: " · ")) }
        if let agency = story.dateline?.agency, !agency.isEmpty { dateline.append(agency) }
        dateline.append(StoryDates.format(stored.summary.published ?? stored.summary.importedAt))
        addWrapped(RunList(dateline.joined(separator: " · "), theme.dateline), &scratch)
        addBlank()
        if story.sections.contains(where: { $0.paragraphs.contains { !$0.mentions.isEmpty } }) {
            var legend = RunList()
            for type in EntityType.allCases {
                if !legend.runs.isEmpty { legend.add("  ", .plain) }
                legend.add(type.displayName, theme.entity(type))
            }
            addWrapped(legend, &scratch)
            addBlank()
        }

        var mentionNumber = 0
        for section in story.sections {
            sectionStarts.append(lines.count)
            let bodyStyle: CellStyle = section.kind == .credits ? theme.credits : .plain
            if let title = section.title, !title.isEmpty {
                let style = section.kind == .turn ? theme.speaker : theme.sectionHeading
                addWrapped(RunList(title, style), &scratch)
                if section.kind != .turn { addBlank() }
            }
            for paragraph in section.paragraphs {
                let runs = StoryLayout.runs(of: paragraph, style: bodyStyle, theme: theme, firstNumber: mentionNumber)
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

        if !story.quotes.isEmpty {
            sectionStarts.append(lines.count)
            addWrapped(RunList("Quotes", theme.sectionHeading), &scratch)
            addBlank()
            for quote in story.quotes {
                var runs = RunList("“" + quote.text + "”", theme.quote)
                if let speaker = quote.speaker, !speaker.isEmpty {
                    runs.add(" — ", .plain)
                    runs.add(speaker, theme.quoteSpeaker)
                }
                addWrapped(runs, &scratch)
                addBlank()
            }
        }
        if let last = lines.indices.last, lines.isBlank(last) { lines.spans.removeLast() }
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

    /// The paragraph as styled pieces, each mention a piece of its own in its entity type's style. Mention
    /// offsets count Unicode scalars of the raw text, so the text is cut at mention boundaries before it is
    /// sanitised.
    static func runs(of paragraph: Paragraph, style: CellStyle, theme: Theme, firstNumber: Int) -> RunList {
        var runs = RunList()
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
                runs.add(piece(positionByte, start), style)
                runs.add(piece(start, end), style.merged(with: theme.entity(mention.type)), mention: firstNumber + offset)
                position = mention.end
                positionByte = end
            }
            runs.add(piece(positionByte, count), style)
        }
        return runs
    }

    // MARK: - Building

    /// Wraps one block and records its lines; leaves in `scratch.mentionLines`, for each mention piece that
    /// shows, its number and the line holding its first grapheme.
    private mutating func addWrapped(_ list: RunList, _ scratch: inout LayoutScratch) {
        let block = lines.blocks.count
        scratch.measure(list.runs)
        scratch.wrap(width: width)
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
