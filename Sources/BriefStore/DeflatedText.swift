import CZlib
import Foundation

/// A story's original text as the cache keeps it (`stories.original_deflated`, the "v12 lean cache" migration):
/// zlib-compressed (RFC 1950) behind the text's UTF-8 byte count (4 bytes, little-endian). Only resectioning and
/// `originalText(id:)` read it, so it costs nothing on the reader's paths. A short text is kept as it is
/// (`original_text`), as are the texts of stories stored before the migration.
///
///     let blob = DeflatedText.deflate(text)        // nil: keep `text` as it is
///     let back = blob.flatMap(DeflatedText.inflate) // == text
enum DeflatedText {
    /// Below this many bytes compression saves too little to be worth a blob.
    static let threshold = 200

    /// The compressed form of `text`, or nil when it is short or would not shrink.
    static func deflate(_ text: String) -> Data? {
        var utf8 = Array(text.utf8)
        guard utf8.count >= threshold, utf8.count <= Int(UInt32.max) else { return nil }
        var capacity = compressBound(uLong(utf8.count))
        var output = [UInt8](repeating: 0, count: 4 + Int(capacity))
        let code = output.withUnsafeMutableBufferPointer { out in
            utf8.withUnsafeMutableBufferPointer { input in
                guard let destination = out.baseAddress, let source = input.baseAddress else { return Z_BUF_ERROR }
                return compress2(destination + 4, &capacity, source, uLong(input.count), 6)
            }
        }
        guard code == Z_OK, 4 + Int(capacity) < utf8.count else { return nil }
        let length = UInt32(utf8.count)
        for byte in 0..<4 { output[byte] = UInt8(truncatingIfNeeded: length >> (8 * UInt32(byte))) }
        return Data(output[0..<(4 + Int(capacity))])
    }

    /// The text `deflate` compressed, or nil when `data` is not such a blob (damaged).
    static func inflate(_ data: Data) -> String? {
        let bytes = [UInt8](data)
        guard bytes.count > 4 else { return nil }
        let length = (0..<4).reduce(0) { $0 | Int(bytes[$1]) << (8 * $1) }
        var output = [UInt8](repeating: 0, count: max(length, 1))
        var written = uLong(length)
        let code = output.withUnsafeMutableBufferPointer { out in
            bytes.withUnsafeBufferPointer { input in
                guard let destination = out.baseAddress, let source = input.baseAddress else { return Z_BUF_ERROR }
                return uncompress(destination, &written, source + 4, uLong(input.count - 4))
            }
        }
        guard code == Z_OK, Int(written) == length else { return nil }
        return String(decoding: output[0..<length], as: UTF8.self)
    }
}
