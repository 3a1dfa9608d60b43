/// Whitespace handling shared by the parsers: paragraphs are trimmed and runs of spaces and tabs collapse to one
/// space; nothing else is touched (hostile text is kept as written).
enum ParagraphText {
    /// Trims spaces, tabs and line breaks at both ends and collapses inner runs of spaces and tabs
    /// (and line breaks, which only occur when callers join lines) into one space.
    /// Works on UTF-8 bytes: all four are ASCII, so multi-byte characters pass through untouched.
    static func collapse<S: StringProtocol>(_ text: S) -> String {
        // Straight from the text's bytes into the new string's storage where the text is contiguous (native strings
        // and their substrings): this runs on every line and paragraph of every story.
        if let collapsed = text.utf8.withContiguousStorageIfAvailable({ bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in collapse(bytes, into: out) }
        }) {
            return collapsed
        }
        return String(unsafeUninitializedCapacity: text.utf8.count) { out in
            Array(text.utf8).withUnsafeBufferPointer { collapse($0, into: out) }
        }
    }

    /// Writes `bytes` collapsed into `out` (at least as long) and returns how many bytes it wrote.
    private static func collapse(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var count = 0
        var pendingSpace = false
        for byte in bytes {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                pendingSpace = count > 0
            } else {
                if pendingSpace { out[count] = 0x20; count += 1; pendingSpace = false }
                out[count] = byte
                count += 1
            }
        }
        return count
    }

    /// True when the text has nothing but spaces, tabs and line breaks.
    static func isBlank<S: StringProtocol>(_ text: S) -> Bool {
        text.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
    }

    /// Splits text into lines on LF, also accepting CRLF and lone CR (callers may skip `SourceText`).
    static func lines(_ text: String) -> [Substring] {
        var text = text
        // Line ends found in the bytes; each line is cut from the text by its byte offsets, which index a native
        // string directly.
        var ends: [(end: Int, next: Int)] = []
        text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b == 0x0A || b == 0x0D {
                    var next = i + 1
                    if b == 0x0D, next < bytes.count, bytes[next] == 0x0A { next += 1 }
                    ends.append((i, next))
                    i = next
                } else {
                    i += 1
                }
            }
        }
        let utf8 = text.utf8
        var result: [Substring] = []
        result.reserveCapacity(ends.count + 1)
        var start = utf8.startIndex
        for (end, next) in ends {
            result.append(text[start..<utf8.index(utf8.startIndex, offsetBy: end)])
            start = utf8.index(utf8.startIndex, offsetBy: next)
        }
        result.append(text[start..<utf8.endIndex])
        return result
    }

    /// Lower-cased text for comparisons of short lines.
    static func key<S: StringProtocol>(_ text: S) -> String { collapse(text).lowercased() }

    /// Number of space-separated words.
    static func wordCount<S: StringProtocol>(_ text: S) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\t" { inWord = false } else if !inWord { inWord = true; count += 1 }
        }
        return count
    }
}
