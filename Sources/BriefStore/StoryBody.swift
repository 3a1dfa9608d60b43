import Foundation
import GRDB

/// A story's text as the cache keeps it since the "v13 leaner cache" migration: one compressed blob on the story
/// row (`stories.body`) holding its section titles, paragraphs, each paragraph's mentions column
/// (`ParagraphMentions`) and, last, its original text. The paragraphs repeat most of the original's words, so zlib
/// stores them as references into it: the text is kept about once, where before the paragraphs were a table of
/// their own beside a compressed original.
///
/// Before compression (`DeflatedText.compress`), records in reading order, each a tag byte, the UTF-8 byte count in
/// decimal, `:` and the bytes: `S` a section (its title; empty when it has none), `P` a paragraph, `M` the mentions
/// column of the paragraph before it (no record: no mentions), `O` the original text.
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
        bytes.reserveCapacity(original.utf8.count * 2 + 64)
        for section in sections {
            append("S", section.title ?? "", to: &bytes)
            for paragraph in section.paragraphs {
                append("P", paragraph.text, to: &bytes)
                if let mentions = paragraph.mentions { append("M", mentions, to: &bytes) }
            }
        }
        append("O", original, to: &bytes)
        return seal(bytes)
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
                guard tag == UInt8(ascii: "P") else { return tag != UInt8(ascii: "O") }
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
            case UInt8(ascii: "O"): return false
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

    private static func seal(_ bytes: [UInt8]) -> Data {
        // Only a text over 4 GB has no blob; the import refuses such sizes long before.
        DeflatedText.compress(bytes) ?? Data()
    }

    private static func text(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// Calls `visit` with each whole record's tag and byte range until it returns false; true when every record
    /// was whole (a prefix or damaged text ends early: false).
    private static func scan(_ bytes: [UInt8], _ visit: (UInt8, Range<Int>) -> Bool) -> Bool {
        var index = 0
        while index < bytes.count {
            let tag = bytes[index]
            index += 1
            var length = 0, digits = 0
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57, digits < 12 {
                length = length * 10 + Int(bytes[index] - 48)
                digits += 1
                index += 1
            }
            guard digits > 0, index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
            index += 1
            guard length <= bytes.count - index else { return false }
            if !visit(tag, index..<(index + length)) { return true }
            index += length
        }
        return true
    }
}
