import BriefTagger

/// A paragraph's mentions as one compact text column (`paragraphs.mentions`, the "v12 lean cache" migration) instead
/// of one indexed row each. Entries in reading order, separated by `;`, each `start,end,TYPE,REF` and, only when the
/// mention's text is not the paragraph's scalars `start..<end`, `,TEXT`:
/// - `start`, `end`: Unicode scalar offsets in the paragraph, `end` exclusive (as `Mention`);
/// - `TYPE`: the mention's `EntityType` raw value (`PER`);
/// - `REF`: the position of the story's entity row (`story_entities.position`) the mention belongs to, so a row
///   relinked to another entity (`SurnameLinks`) takes its mentions along; or, for a mention with no row, its key;
/// - a key or text is written `LENGTH:CHARS` (LENGTH in Unicode scalars), so it may hold any character.
///
///     let column = ParagraphMentions.encode(paragraph.mentions, in: paragraph.text) { _ in 0 }   // all of row 0
///     let mentions = ParagraphMentions.decode(column, in: paragraph.text, keys: [0: "LOC:kisumu"])
///
/// The migration writes the same format in SQL (`CacheSchema`); both must stay in step.
enum ParagraphMentions {
    /// The column for `mentions` of a paragraph whose text is `text`, or nil when there are none. `row` gives the
    /// position of the story entity row of `mentions[i]` (nil: none, and the entry names its key).
    static func encode(_ mentions: [Mention], in text: String, row: (Int) -> Int?) -> String? {
        guard !mentions.isEmpty else { return nil }
        // The order the rows were read back in before: by start, then as stored. The tagger's order already, mostly.
        let inOrder = zip(mentions, mentions.dropFirst()).allSatisfy { $0.start <= $1.start }
        let ordered = inOrder ? Array(mentions.indices)
            : mentions.indices.sorted { (mentions[$0].start, $0) < (mentions[$1].start, $1) }
        // A plain ASCII paragraph (most are) is compared byte for byte, its scalar offsets being byte offsets.
        let ascii: [UInt8]?? = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return column(ordered, of: mentions, row: row) { mention in
                mention.start >= 0 && mention.start <= mention.end && mention.end <= bytes.count
                    && mention.text.utf8.elementsEqual(UnsafeBufferPointer(rebasing: bytes[mention.start..<mention.end]))
            }
        }
        if let ascii = ascii ?? nil { return String(decoding: ascii, as: UTF8.self) }
        let scalars = text.unicodeScalars
        // Where the last mention started, as an offset and an index: the text is walked once, not once a mention.
        var cursor = (offset: 0, index: scalars.startIndex)
        let walked = column(ordered, of: mentions, row: row) { mention in
            while cursor.offset < mention.start, cursor.index < scalars.endIndex {
                scalars.formIndex(after: &cursor.index)
                cursor.offset += 1
            }
            return cursor.offset == mention.start
                && Self.text(mention.text, isAt: cursor.index, length: mention.end - mention.start, in: scalars)
        }
        return String(decoding: walked, as: UTF8.self)
    }

    /// The column of the `mentions` that `ordered` lists (by start), each entry's text written out unless
    /// `holdsText` says the paragraph has it at the entry's offsets.
    private static func column(_ ordered: [Int], of mentions: [Mention], row: (Int) -> Int?,
                               holdsText: (Mention) -> Bool) -> [UInt8] {
        var column: [UInt8] = []
        column.reserveCapacity(ordered.count * 16)
        for index in ordered {
            let mention = mentions[index]
            appendEntry(mention, row: row(index), to: &column)
            if !holdsText(mention) {
                column.append(0x2C)
                appendCounted(mention.text, to: &column)
            }
        }
        return column
    }

    /// Appends `start,end,TYPE,REF` for `mention`, after a `;` when the column has entries already.
    private static func appendEntry(_ mention: Mention, row: Int?, to column: inout [UInt8]) {
        if !column.isEmpty { column.append(0x3B) }
        appendNumber(mention.start, to: &column)
        column.append(0x2C)
        appendNumber(mention.end, to: &column)
        column.append(0x2C)
        column.append(contentsOf: mention.type.rawValue.utf8)
        column.append(0x2C)
        if let row {
            appendNumber(row, to: &column)
        } else {
            appendCounted(mention.entity, to: &column)
        }
    }

    /// Appends `n` in decimal, as `String(n)` writes it.
    private static func appendNumber(_ n: Int, to column: inout [UInt8]) {
        guard n >= 0, n < 10_000 else {
            column.append(contentsOf: String(n).utf8)
            return
        }
        if n >= 1000 { column.append(UInt8(48 + n / 1000)) }
        if n >= 100 { column.append(UInt8(48 + n / 100 % 10)) }
        if n >= 10 { column.append(UInt8(48 + n / 10 % 10)) }
        column.append(UInt8(48 + n % 10))
    }

    /// Whether the `length` scalars of `scalars` from `index` are `text`'s.
    private static func text(_ text: String, isAt index: String.UnicodeScalarView.Index, length: Int,
                             in scalars: String.UnicodeScalarView) -> Bool {
        var index = index
        var count = 0
        for scalar in text.unicodeScalars {
            guard count < length, index < scalars.endIndex, scalars[index] == scalar else { return false }
            scalars.formIndex(after: &index)
            count += 1
        }
        return count == length
    }

    /// The mentions a column holds, in order; `keys` maps a story entity row's position to its entity key.
    /// Entries it cannot read (a damaged column) are left out.
    static func decode(_ column: String?, in text: String, keys: [Int: String]) -> [Mention] {
        guard let column, !column.isEmpty else { return [] }
        var reader = Reader(scalars: Array(column.unicodeScalars))
        var scalars: [Unicode.Scalar]?
        var types: [String: EntityType] = [:]
        var mentions: [Mention] = []
        while !reader.atEnd {
            guard let start = reader.integer(), reader.skip(","), let end = reader.integer(), reader.skip(","),
                  let typeName = reader.word(), reader.skip(",") else { break }
            let type = types[typeName] ?? {
                let parsed = EntityType(rawValue: typeName) ?? .group
                types[typeName] = parsed
                return parsed
            }()
            guard let number = reader.integer() else { break }
            let key: String
            if reader.skip(":") {
                guard let counted = reader.take(number) else { break }
                key = counted
            } else {
                guard let found = keys[number] else { reader.skipEntry(); continue }
                key = found
            }
            var mentionText: String
            if reader.skip(","), let length = reader.integer(), reader.skip(":"), let counted = reader.take(length) {
                mentionText = counted
            } else {
                if scalars == nil { scalars = Array(text.unicodeScalars) }
                mentionText = slice(scalars ?? [], start, end)
            }
            mentions.append(Mention(start: start, end: end, type: type, text: mentionText, entity: key))
            _ = reader.skip(";")
        }
        return mentions
    }

    private static func appendCounted(_ string: String, to column: inout [UInt8]) {
        appendNumber(string.unicodeScalars.count, to: &column)
        column.append(0x3A)
        column.append(contentsOf: string.utf8)
    }

    /// The scalars `start..<end` of `scalars` as a string (clamped to the text).
    private static func slice(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        let lower = max(0, min(start, scalars.count)), upper = max(lower, min(end, scalars.count))
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[lower..<upper])
        return String(view)
    }

    /// Reads a column scalar by scalar.
    private struct Reader {
        let scalars: [Unicode.Scalar]
        var index = 0

        var atEnd: Bool { index >= scalars.count }

        mutating func skip(_ separator: Unicode.Scalar) -> Bool {
            guard index < scalars.count, scalars[index] == separator else { return false }
            index += 1
            return true
        }

        mutating func integer() -> Int? {
            var value = 0, digits = 0
            while index < scalars.count, (48...57).contains(scalars[index].value), digits < 18 {
                value = value * 10 + Int(scalars[index].value - 48)
                digits += 1
                index += 1
            }
            return digits > 0 ? value : nil
        }

        mutating func word() -> String? {
            var view = String.UnicodeScalarView()
            while index < scalars.count, scalars[index] != ",", scalars[index] != ";" {
                view.append(scalars[index])
                index += 1
            }
            return view.isEmpty ? nil : String(view)
        }

        mutating func take(_ count: Int) -> String? {
            guard count >= 0, index + count <= scalars.count else { return nil }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[index..<(index + count)])
            index += count
            return String(view)
        }

        /// Past the rest of an entry (its optional text included) and its separator.
        mutating func skipEntry() {
            if skip(","), let length = integer(), skip(":") { _ = take(length) }
            _ = skip(";")
        }
    }
}
