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
        let utf8 = Array(text.utf8)
        guard utf8.count >= threshold, let blob = compress(utf8), blob.count < utf8.count else { return nil }
        return blob
    }

    /// The text `deflate` compressed, or nil when `data` is not such a blob (damaged).
    static func inflate(_ data: Data) -> String? {
        expand(data).map { String(decoding: $0, as: UTF8.self) }
    }

    /// `bytes` compressed behind their count (the blob format above), whatever their size; nil only past 4 GB.
    ///
    /// The window is no larger than the input needs (a story's text is a few kilobytes; zlib's default window is
    /// 32 KB) and the hash table is 16 KB rather than 64 KB: for a 4 KB text zlib then sets up about 70 KB of tables
    /// instead of 260 KB, which had cost more than compressing the text. The smaller window finds every match the
    /// default one would; the smaller table changes which matches are found, not the size (101 bytes fewer over
    /// 2,000 news bodies). Any zlib reader inflates the stream.
    static func compress(_ bytes: [UInt8]) -> Data? {
        guard bytes.count <= Int(UInt32.max) else { return nil }
        var input = bytes
        let capacity = Int(compressBound(uLong(input.count)))
        var output = [UInt8](repeating: 0, count: 4 + capacity)
        var windowBits: Int32 = 9
        while windowBits < 15, (1 << windowBits) < input.count + 262 { windowBits += 1 }
        let written: Int? = output.withUnsafeMutableBufferPointer { out in
            input.withUnsafeMutableBufferPointer { source in
                guard let destination = out.baseAddress else { return nil }
                var stream = z_stream()
                guard deflateInit2_(&stream, 6, Z_DEFLATED, windowBits, 6, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                                    Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
                defer { deflateEnd(&stream) }
                // An empty input may have no address; zlib reads nothing from it then.
                stream.next_in = source.baseAddress ?? destination
                stream.avail_in = uInt(source.count)
                stream.next_out = destination + 4
                stream.avail_out = uInt(clamping: capacity)
                guard CZlib.deflate(&stream, Z_FINISH) == Z_STREAM_END else { return nil }
                return Int(stream.total_out)
            }
        }
        guard let written else { return nil }
        let length = UInt32(input.count)
        for byte in 0..<4 { output[byte] = UInt8(truncatingIfNeeded: length >> (8 * UInt32(byte))) }
        return Data(output[0..<(4 + written)])
    }

    /// The bytes a `compress` blob holds, or only their first `limit` (zlib stops once that many are out: a reader
    /// of the start of a long text inflates no more); nil when `data` is not such a blob (damaged).
    static func expand(_ data: Data, limit: Int = .max) -> [UInt8]? {
        guard data.count > 4 else { return nil }
        let length = data.prefix(4).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        let wanted = min(length, max(limit, 0))
        var output = [UInt8](repeating: 0, count: max(wanted, 1))
        var written = uLong(wanted)
        let code = output.withUnsafeMutableBufferPointer { out in
            data.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
                guard let destination = out.baseAddress,
                      let source = input.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return Z_BUF_ERROR }
                return uncompress(destination, &written, source + 4, uLong(input.count - 4))
            }
        }
        // Asked for less than the whole, zlib says its buffer ran out: the prefix is there all the same.
        let whole = code == Z_OK && Int(written) == length
        let prefix = wanted < length && code == Z_BUF_ERROR && Int(written) == wanted
        guard whole || prefix else { return nil }
        output.removeSubrange(Int(written)...)
        return output
    }
}
