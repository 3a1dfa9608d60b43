import Foundation
import GRDB

/// A story's text as the cache keeps it since the "v13 leaner cache" migration: one compressed blob on the story
/// row (`stories.body`) holding its section titles, paragraphs, each paragraph's mentions column
/// (`ParagraphMentions`) and, last, its original text. The paragraphs repeat most of the original's words, so the
/// original is kept as references to them and the text between them: the text is kept about once, where before the
/// paragraphs were a table of their own beside a compressed original.
///
/// Before compression (`DeflatedText.compress`), records in reading order, each a tag byte, the UTF-8 byte count in
/// decimal, `:` and the bytes: `S` a section (its title; empty when it has none), `P` a paragraph, `M` the mentions
/// column of the paragraph before it (no record: no mentions), and last the original, as either:
/// - `O`: its text;
/// - `D`: records of its own, in order, whose bytes joined are the text: `G` text as it is, `U` the text of the
///   paragraph whose place in reading order (from 0) it holds in decimal. Written since 2026-12-05: zlib found the
///   same references itself, but only at level 6, which looks far back; written out, they let the body compress at
///   level 1 (`DeflatedText.compress(_:fast:)`). 600 news bodies took 75 M instructions to compress where they took
///   139 M, into 0.8 % fewer bytes. Blobs written before keep `O`.
///
///     let blob = StoryBody.encode(sections: [StoryBody.Part(title: nil, paragraphs: [.init(text: "Talks resume.")])],
///                                 original: "Talks resume.")
///     StoryBody.decode(blob)?.original          // "Talks resume."
///     StoryBody.paragraph(blob, at: 0)          // "Talks resume." (inflating only the start of the blob)
///
/// SQL reads it through the functions `register(in:)` adds to every connection: the search index's content view
/// (`brief_search_text`), the entity page (`brief_paragraph`), transcript turns (`brief_turn_text`,
/// `brief_paragraphs_before`) and the migration (`brief_story_body`).
enum StoryBody {
    struct Paragraph: Equatable {
        var text: String
        var mentions: String?
    }

    struct Part: Equatable {
        var title: String?
        var paragraphs: [Paragraph]
    }

    struct Contents: Equatable {
        /// Each section's paragraphs, in order (titles: `sections.title`; here only for the search text).
        var sections: [[Paragraph]]
        var original: String
    }

    /// How much of a blob `paragraph(_:at:)` inflates first: the paragraph an entity page quotes is most often the
    /// first or second.
    static let firstLook = 1024
    /// How much more `paragraph(_:at:)` inflates each time it has not reached the paragraph.
    static let growth = 8

    /// The blob for `sections` and `original`.
    static func encode(sections: [Part], original: String) -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(original.utf8.count + original.utf8.count / 4 + 64)
        var paragraphs: [String] = []
        for section in sections {
            append("S", section.title ?? "", to: &bytes)
            for paragraph in section.paragraphs {
                append("P", paragraph.text, to: &bytes)
                if let mentions = paragraph.mentions { append("M", mentions, to: &bytes) }
                paragraphs.append(paragraph.text)
            }
        }
        let referenced = appendOriginal(original, paragraphs: paragraphs, to: &bytes)
        // With most of the original referenced, nothing repeats from far back: the fast level loses little.
        return seal(bytes, fast: referenced >= original.utf8.count - original.utf8.count / 5)
    }

    /// The blob for records already written (the migration builds its `S`/`P`/`M` records in SQL) and `original`.
    static func encode(records: String, original: String) -> Data {
        var bytes = Array(records.utf8)
        append("O", original, to: &bytes)
        return seal(bytes)
    }

    /// What `encode` stored, or nil for a damaged blob.
    static func decode(_ blob: Data) -> Contents? {
        guard let bytes = DeflatedText.expand(blob) else { return nil }
        var contents = Contents(sections: [], original: "")
        var complete = false
        let whole = scan(bytes) { tag, range in
            switch tag {
            case UInt8(ascii: "S"): contents.sections.append([])
            case UInt8(ascii: "P"):
                if contents.sections.isEmpty { contents.sections.append([]) }
                contents.sections[contents.sections.count - 1].append(Paragraph(text: text(bytes, range)))
            case UInt8(ascii: "M"):
                let last = contents.sections.count - 1
                if last >= 0, !contents.sections[last].isEmpty {
                    contents.sections[last][contents.sections[last].count - 1].mentions = text(bytes, range)
                }
            case UInt8(ascii: "O"):
                contents.original = text(bytes, range)
                complete = true
            case UInt8(ascii: "D"):
                guard let original = derivedOriginal(bytes, range, paragraphs: contents.sections.joined()) else { return false }
                contents.original = original
                complete = true
            default: break
            }
            return true
        }
        return whole && complete ? contents : nil
    }

    /// Paragraph `index` (counting the story's paragraphs in reading order across sections), or nil when it has
    /// fewer or the blob is damaged. Inflates only about as far as the paragraph (`firstLook`, then `growth` times more).
    static func paragraph(_ blob: Data, at index: Int) -> String? {
        var limit = firstLook
        while true {
            guard let bytes = DeflatedText.expand(blob, limit: limit) else { return nil }
            var seen = 0
            var found: String?
            _ = scan(bytes) { tag, range in
                guard tag == UInt8(ascii: "P") else { return tag != UInt8(ascii: "O") && tag != UInt8(ascii: "D") }
                if seen == index { found = text(bytes, range); return false }
                seen += 1
                return true
            }
            if let found { return found }
            if bytes.count < limit { return nil }  // the whole text was read
            // Eight times as much each time: a story of a thousand paragraphs quoting its 40th inflates some 64 KB,
            // not its whole 1.4 MB (the paragraphs and the original), and the looks before cost at most a seventh.
            limit = limit > Int.max / growth ? Int.max : limit * growth
        }
    }

    /// The search index's text: section titles and paragraphs, one a line, in reading order (a section with no
    /// title adds no line).
    static func searchText(_ blob: Data) -> String? {
        guard let bytes = DeflatedText.expand(blob) else { return nil }
        var lines: [String] = []
        _ = scan(bytes) { tag, range in
            switch tag {
            case UInt8(ascii: "S"): if !range.isEmpty { lines.append(text(bytes, range)) }
            case UInt8(ascii: "P"): lines.append(text(bytes, range))
            case UInt8(ascii: "O"), UInt8(ascii: "D"): return false
            default: break
            }
            return true
        }
        return lines.joined(separator: "\n")
    }

    /// Section `ordinal`'s paragraphs joined by a space (a transcript turn's text), and how many paragraphs come
    /// before the section.
    static func turn(_ blob: Data, section ordinal: Int) -> (text: String, before: Int)? {
        guard let contents = decode(blob), contents.sections.indices.contains(ordinal) else { return nil }
        let before = contents.sections[..<ordinal].reduce(0) { $0 + $1.count }
        return (contents.sections[ordinal].map(\.text).joined(separator: " "), before)
    }

    // MARK: - SQL functions

    /// Adds the SQL functions that read and write bodies to the connection `db` (every connection of a store,
    /// and the migration's).
    static func register(in db: Database) {
        db.add(function: DatabaseFunction("brief_search_text", argumentCount: 1, pure: true) { values in
            Data.fromDatabaseValue(values[0]).flatMap(searchText)
        })
        db.add(function: DatabaseFunction("brief_paragraph", argumentCount: 2, pure: true) { values in
            guard let blob = Data.fromDatabaseValue(values[0]), let index = Int.fromDatabaseValue(values[1]) else { return nil }
            return paragraph(blob, at: index)
        })
        db.add(function: DatabaseFunction("brief_turn_text", argumentCount: 2, pure: true) { values in
            guard let blob = Data.fromDatabaseValue(values[0]), let ordinal = Int.fromDatabaseValue(values[1]) else { return nil }
            return turn(blob, section: ordinal)?.text
        })
        db.add(function: DatabaseFunction("brief_paragraphs_before", argumentCount: 2, pure: true) { values in
            guard let blob = Data.fromDatabaseValue(values[0]), let ordinal = Int.fromDatabaseValue(values[1]) else { return nil }
            return turn(blob, section: ordinal)?.before
        })
        // (records, original_text, original_deflated): the "v13" conversion of a story row.
        db.add(function: DatabaseFunction("brief_story_body", argumentCount: 3, pure: true) { values in
            let records = String.fromDatabaseValue(values[0]) ?? ""
            let original = Data.fromDatabaseValue(values[2]).flatMap(DeflatedText.inflate)
                ?? String.fromDatabaseValue(values[1]) ?? ""
            return encode(records: records, original: original)
        })
    }

    // MARK: - Records

    private static func append(_ tag: Unicode.Scalar, _ string: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: tag))
        bytes.append(contentsOf: String(string.utf8.count).utf8)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(contentsOf: string.utf8)
    }

    /// A record of `payload`, or only its head when `length` (the payload's count, to follow) is given.
    private static func append(_ tag: Unicode.Scalar, _ payload: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8],
                               length: Int? = nil) {
        bytes.append(UInt8(ascii: tag))
        bytes.append(contentsOf: String(length ?? payload.count).utf8)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(contentsOf: payload)
    }

    /// The original as a `D` record when paragraphs are found in it, else as an `O` record.
    ///
    /// Each paragraph (in reading order, none shorter than `shortestReference` bytes) is looked for in the original
    /// from where the one before ended, within `searchReach` bytes past its length; found, it becomes a `U` record
    /// and the text before it a `G` record. The failed looks are bounded by twice the original's length, so a story
    /// whose paragraphs are not in its original verbatim (hard-wrapped lines joined) stays linear.
    ///
    /// Returns how many of the original's bytes are referenced.
    private static func appendOriginal(_ original: String, paragraphs: [String], to bytes: inout [UInt8]) -> Int {
        var original = original
        var referenced = 0
        let parts: [UInt8]? = original.withUTF8 { text -> [UInt8]? in
            guard let base = text.baseAddress else { return nil }
            var parts: [UInt8] = []
            var cursor = 0
            var budget = text.count * 2 + searchReach
            for (index, paragraph) in paragraphs.enumerated() where budget > 0 {
                var paragraph = paragraph
                let found: Int? = paragraph.withUTF8 { needle -> Int? in
                    guard needle.count >= shortestReference, let pointer = needle.baseAddress else { return nil }
                    let window = min(text.count - cursor, needle.count + searchReach)
                    guard window >= needle.count,
                          let hit = find(pointer, needle.count, in: base + cursor, window) else {
                        budget -= max(window, 0)
                        return nil
                    }
                    return cursor + hit
                }
                guard let at = found else { continue }
                append("G", UnsafeBufferPointer(rebasing: text[cursor..<at]), to: &parts)
                append("U", String(index), to: &parts)
                cursor = at + paragraph.utf8.count
                referenced += paragraph.utf8.count
            }
            guard referenced > 0 else { return nil }
            append("G", UnsafeBufferPointer(rebasing: text[cursor...]), to: &parts)
            return parts
        }
        if let parts {
            append("D", UnsafeBufferPointer(start: nil, count: 0), to: &bytes, length: parts.count)
            bytes.append(contentsOf: parts)
        } else {
            append("O", original, to: &bytes)
        }
        return referenced
    }

    /// Where the `count` bytes at `needle` first occur in the `length` bytes at `text`: candidates by their first
    /// byte (`memchr`), checked whole by `memcmp`.
    private static func find(_ needle: UnsafePointer<UInt8>, _ count: Int, in text: UnsafePointer<UInt8>,
                             _ length: Int) -> Int? {
        var at = 0
        let last = length - count
        while at <= last {
            guard let hit = memchr(text + at, Int32(needle[0]), last - at + 1) else { return nil }
            let offset = UnsafeRawPointer(hit) - UnsafeRawPointer(text)
            if memcmp(text + offset, needle, count) == 0 { return offset }
            at = offset + 1
        }
        return nil
    }

    /// The shortest paragraph a `D` record refers to rather than keeps in its text (a `U` record takes 4 to 8 bytes).
    static let shortestReference = 16
    /// How far past a paragraph's length its look in the original reaches: the text between two paragraphs (a blank
    /// line, a heading, a dateline) is short.
    static let searchReach = 1024

    /// The original a `D` record at `range` rebuilds from its `G` and `U` records and the story's `paragraphs`;
    /// nil when the record is damaged.
    private static func derivedOriginal<Paragraphs: Collection<Paragraph>>(_ bytes: [UInt8], _ range: Range<Int>,
                                                                         paragraphs: Paragraphs) -> String? {
        let texts = Array(paragraphs.lazy.map(\.text))
        var out: [UInt8] = []
        out.reserveCapacity(range.count * 4)
        var damaged = false
        let whole = scan(bytes, in: range) { tag, part in
            switch tag {
            case UInt8(ascii: "G"):
                out.append(contentsOf: bytes[part])
            case UInt8(ascii: "U"):
                guard let index = Int(text(bytes, part)), texts.indices.contains(index) else { damaged = true; return false }
                out.append(contentsOf: texts[index].utf8)
            default:
                damaged = true
                return false
            }
            return true
        }
        return whole && !damaged ? String(decoding: out, as: UTF8.self) : nil
    }

    private static func seal(_ bytes: [UInt8], fast: Bool = false) -> Data {
        // Only a text over 4 GB has no blob; the import refuses such sizes long before.
        DeflatedText.compress(bytes, fast: fast) ?? Data()
    }

    private static func text(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// Calls `visit` with each whole record's tag and byte range until it returns false; true when every record
    /// was whole (a prefix or damaged text ends early: false).
    private static func scan(_ bytes: [UInt8], in range: Range<Int>? = nil, _ visit: (UInt8, Range<Int>) -> Bool) -> Bool {
        let end = range?.upperBound ?? bytes.count
        var index = range?.lowerBound ?? 0
        while index < end {
            let tag = bytes[index]
            index += 1
            var length = 0, digits = 0
            while index < end, bytes[index] >= 48, bytes[index] <= 57, digits < 12 {
                length = length * 10 + Int(bytes[index] - 48)
                digits += 1
                index += 1
            }
            guard digits > 0, index < end, bytes[index] == UInt8(ascii: ":") else { return false }
            index += 1
            guard length <= end - index else { return false }
            if !visit(tag, index..<(index + length)) { return true }
            index += length
        }
        return true
    }
}
