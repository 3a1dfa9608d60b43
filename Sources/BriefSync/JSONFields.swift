import Foundation

/// Lenient reads of JSON values decoded by JSONSerialization: servers of different versions send ids as numbers or
/// strings and flags as booleans or 0/1.
enum JSONFields {
    static func int(_ value: Any?) -> Int? {
        switch value {
        case let number as Int: number
        case let text as String: Int(text.trimmingCharacters(in: .whitespaces))
        case let number as Double where number == number.rounded() && abs(number) < 1e15: Int(number)
        default: nil
        }
    }

    static func bool(_ value: Any?) -> Bool? {
        switch value {
        case let flag as Bool: flag
        case let number as Int: number != 0
        case let text as String: ["1", "true", "t"].contains(text.lowercased()) ? true : (["0", "false", "f", ""].contains(text.lowercased()) ? false : nil)
        default: nil
        }
    }

    static func string(_ value: Any?) -> String? {
        switch value {
        case let text as String: text
        case let number as Int: String(number)
        default: nil
        }
    }

    /// Parses `data` as a JSON object, or names why it is not one.
    static func object(_ data: Data, url: String) throws -> [String: Any] {
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw SyncError.malformed(url: url, what: data.isEmpty ? "an empty answer" : "not JSON (\(data.count) bytes)")
        }
        guard let object = parsed as? [String: Any] else {
            throw SyncError.malformed(url: url, what: "not a JSON object")
        }
        return object
    }

    /// Whether an answer is a web page: by its media type or by its first visible byte.
    static func looksLikeHTML(_ reply: HTTPReply) -> Bool {
        if reply.mediaType == "text/html" || reply.mediaType == "application/xhtml+xml" { return true }
        let first = reply.body.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF) }
        return first == UInt8(ascii: "<")
    }
}
