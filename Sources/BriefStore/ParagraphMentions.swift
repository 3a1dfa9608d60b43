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
        var reader = Reader(bytes: Array(column.utf8))
        var offsets: ScalarOffsets?
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
                if offsets == nil { offsets = ScalarOffsets(Array(text.utf8)) }
                mentionText = offsets?.slice(start, end) ?? ""
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

    /// Where the scalar after the one starting at `byte` of valid UTF-8 `bytes` starts.
    @inline(__always)
    private static func nextScalar(_ bytes: [UInt8], after byte: Int) -> Int {
        var next = byte + 1
        while next < bytes.count, bytes[next] & 0xC0 == 0x80 { next += 1 }
        return next
    }

    /// A paragraph's UTF-8 bytes, read at scalar offsets: one forward walk for mentions in order (a step back
    /// starts it again), and each mention's text copied from the bytes. Making the paragraph's scalars and a
    /// string of each slice cost a 1,000-paragraph story most of its opening time.
    private struct ScalarOffsets {
        let bytes: [UInt8]
        var scalar = 0, byte = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        /// The byte where scalar `target` starts (the end of the text past its last scalar).
        mutating func byteOffset(_ target: Int) -> Int {
            if target < scalar { scalar = 0; byte = 0 }
            while scalar < target, byte < bytes.count {
                byte = ParagraphMentions.nextScalar(bytes, after: byte)
                scalar += 1
            }
            return byte
        }

        /// The scalars `start..<end` as a string (clamped to the text; empty when `end` is not past `start`).
        mutating func slice(_ start: Int, _ end: Int) -> String {
            let lower = byteOffset(max(0, start))
            guard end > start else { return "" }
            let upper = byteOffset(end)
            return String(decoding: bytes[lower..<max(lower, upper)], as: UTF8.self)
        }
    }

    /// Reads a column from its UTF-8 bytes: separators, numbers and type names are ASCII, and a counted text is
    /// counted in scalars, walked as such.
    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool { index >= bytes.count }

        mutating func skip(_ separator: Unicode.Scalar) -> Bool {
            guard index < bytes.count, UInt32(bytes[index]) == separator.value else { return false }
            index += 1
            return true
        }

        mutating func integer() -> Int? {
            var value = 0, digits = 0
            while index < bytes.count, (48...57).contains(bytes[index]), digits < 18 {
                value = value * 10 + Int(bytes[index] - 48)
                digits += 1
                index += 1
            }
            return digits > 0 ? value : nil
        }

        mutating func word() -> String? {
            let start = index
            while index < bytes.count, bytes[index] != UInt8(ascii: ","), bytes[index] != UInt8(ascii: ";") { index += 1 }
            return index > start ? String(decoding: bytes[start..<index], as: UTF8.self) : nil
        }

        /// The next `count` scalars as a string, or nil when fewer are left.
        mutating func take(_ count: Int) -> String? {
            guard count >= 0 else { return nil }
            var end = index, taken = 0
            while taken < count, end < bytes.count {
                end = ParagraphMentions.nextScalar(bytes, after: end)
                taken += 1
            }
            guard taken == count else { return nil }
            defer { index = end }
            return String(decoding: bytes[index..<end], as: UTF8.self)
        }

        /// Past the rest of an entry (its optional text included) and its separator.
        mutating func skipEntry() {
            if skip(","), let length = integer(), skip(":") { _ = take(length) }
            _ = skip(";")
        }
    }
}
