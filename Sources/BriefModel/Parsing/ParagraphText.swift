/// Whitespace handling shared by the parsers: paragraphs are trimmed and runs of spaces and tabs collapse to one
/// space; nothing else is touched (hostile text is kept as written).
enum ParagraphText {
    /// Trims spaces, tabs and line breaks at both ends and collapses inner runs of spaces and tabs
    /// (and line breaks, which only occur when callers join lines) into one space.
    /// Works on UTF-8 bytes: all four are ASCII, so multi-byte characters pass through untouched.
    static func collapse<S: StringProtocol>(_ text: S) -> String {
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// True when the text has nothing but spaces, tabs and line breaks.
    static func isBlank<S: StringProtocol>(_ text: S) -> Bool {
        text.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
    }

    /// Splits text into lines on LF, also accepting CRLF and lone CR (callers may skip `SourceText`).
    static func lines(_ text: String) -> [Substring] {
        var result: [Substring] = []
        let bytes = text.utf8
        var start = bytes.startIndex
        var i = start
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == 0x0A || b == 0x0D {
                result.append(text[start..<i])
                var next = bytes.index(after: i)
                if b == 0x0D, next < bytes.endIndex, bytes[next] == 0x0A { next = bytes.index(after: next) }
                start = next
                i = next
            } else {
                i = bytes.index(after: i)
            }
        }
        result.append(text[start..<bytes.endIndex])
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
