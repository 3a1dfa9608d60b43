import Foundation

/// A JSON array of strings, as the cache stores aliases, dateline places and feed tags. Written by hand because
/// the import writes one per story entity (over 100,000 in a large fetch), where `JSONEncoder` costs more than the
/// row's insert; `JSONDecoder` reads it back.
enum JSONStringArray {
    /// The strings of a stored array. Most are empty, and `JSONDecoder` costs more than the rest of a story's
    /// entity row, so `[]` (and '', a story entity row's "none" since "v13 leaner cache") is answered without it.
    /// Unreadable JSON gives none.
    static func decode(_ json: String, _ decoder: JSONDecoder = JSONDecoder()) -> [String] {
        if json.isEmpty || json == "[]" { return [] }
        return (try? decoder.decode([String].self, from: Data(json.utf8))) ?? []
    }

    /// `["a","b"]`, escaping what RFC 8259 requires: quotation mark, reverse solidus and control characters.
    static func encode(_ strings: [String]) -> String {
        guard !strings.isEmpty else { return "[]" }
        var json = "["
        for (index, string) in strings.enumerated() {
            if index > 0 { json += "," }
            json += "\""
            // Most strings need no escape: appended whole (scalar by scalar cost thousands of instructions each).
            if !string.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
                json += string
                json += "\""
                continue
            }
            for scalar in string.unicodeScalars {
                switch scalar {
                case "\"": json += "\\\""
                case "\\": json += "\\\\"
                case "\n": json += "\\n"
                case "\r": json += "\\r"
                case "\t": json += "\\t"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    json += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: json.unicodeScalars.append(scalar)
                }
            }
            json += "\""
        }
        return json + "]"
    }
}
