import CLibdeflate
import CZlib
import Foundation
import Synchronization

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
    /// libdeflate's compression level (`compress`).
    static let level: Int32 = 6
    /// The level for text with no far repeats to find (`compress(_:fast:)`).
    static let fastLevel: Int32 = 1

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
    /// libdeflate at level 6 (`level`), which writes a zlib stream as zlib's own level 6 does, a little smaller (0.3 %
    /// over 600 news bodies) and in about half the time (50 against 100 µs a body here). Any zlib reader inflates it.
    ///
    /// Not lower: a body's paragraphs are stored as references into its original text, which lies a whole text back,
    /// and only level 6 finds such far matches. Written twice, a 16,000-byte passage takes 3,558 bytes at level 6
    /// (3,232 once), 3,795 at 5, 4,170 at 3 and 6,987 at 1. Level 1 compressed the short bodies of
    /// `brief-bench feeds --news` in 60 % of level 6's time (compressing is 3 % of that fetch's CPU), but a long
    /// story's text would be kept nearly twice.
    ///
    /// `fast`: level 1 (`fastLevel`), for bytes that do not repeat themselves from far back. A story body whose
    /// original is mostly references to its paragraphs (`StoryBody`'s `D` record) is such: 600 news bodies took
    /// 63 % of level 6's instructions, for 1.1 % more bytes.
    static func compress(_ bytes: [UInt8], fast: Bool = false) -> Data? {
        guard bytes.count <= Int(UInt32.max) else { return nil }
        return (fast ? Compressors.fast : Compressors.standard).withCompressor { compressor -> Data? in
            let capacity = libdeflate_zlib_compress_bound(compressor, bytes.count)
            var output = [UInt8](repeating: 0, count: 4 + capacity)
            let written = output.withUnsafeMutableBufferPointer { out -> Int in
                bytes.withUnsafeBufferPointer { source -> Int in
                    guard let destination = out.baseAddress else { return 0 }
                    // An empty input may have no address; libdeflate reads nothing from it then.
                    return libdeflate_zlib_compress(compressor, source.baseAddress ?? UnsafePointer(destination),
                                                    source.count, destination + 4, capacity)
                }
            }
            guard written > 0 else { return nil }
            let length = UInt32(bytes.count)
            for byte in 0..<4 { output[byte] = UInt8(truncatingIfNeeded: length >> (8 * UInt32(byte))) }
            return Data(output[0..<(4 + written)])
        }
    }

    /// libdeflate's compressors, one per thread that compresses at once (a compressor is not shared while it works,
    /// and setting one up costs more than compressing a story): taken from here and given back.
    private final class Compressors: Sendable {
        static let standard = Compressors(level: DeflatedText.level)
        static let fast = Compressors(level: DeflatedText.fastLevel)
        let level: Int32
        /// Idle compressors' addresses (a pointer is not `Sendable`, so a `Mutex` cannot hold it as one).
        private let idle = Mutex<[UInt]>([])

        init(level: Int32) {
            self.level = level
        }

        func withCompressor<T>(_ body: (OpaquePointer) -> T?) -> T? {
            let taken = idle.withLock { $0.popLast() }
            guard let compressor = taken.flatMap({ OpaquePointer(bitPattern: $0) })
                    ?? libdeflate_alloc_compressor(level) else { return nil }
            defer { idle.withLock { $0.append(UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(compressor)))) } }
            return body(compressor)
        }
    }

    /// The bytes a `compress` blob holds, or only their first `limit` (zlib stops once that many are out: a reader
    /// of the start of a long text inflates no more); nil when `data` is not such a blob (damaged). The whole is
    /// inflated by libdeflate, in about half zlib's time, into exactly the length the blob gives.
    static func expand(_ data: Data, limit: Int = .max) -> [UInt8]? {
        guard data.count > 4 else { return nil }
        let length = data.prefix(4).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        // Deflate expands at most 1,032 to 1: a count past that is a damaged blob, refused before memory is taken
        // for it (a damaged count could ask for 4 GB).
        guard length <= (data.count - 4) * 1032 else { return nil }
        if limit >= length { return expandWhole(data, length: length) }
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

    /// The whole of a blob of `length` bytes; nil when the stream is damaged or inflates to another length.
    private static func expandWhole(_ data: Data, length: Int) -> [UInt8]? {
        guard let decompressor = libdeflate_alloc_decompressor() else { return nil }
        defer { libdeflate_free_decompressor(decompressor) }
        var output = [UInt8](repeating: 0, count: max(length, 1))
        let result = output.withUnsafeMutableBufferPointer { out in
            data.withUnsafeBytes { (input: UnsafeRawBufferPointer) -> libdeflate_result in
                guard let destination = out.baseAddress, let source = input.baseAddress else { return LIBDEFLATE_BAD_DATA }
                // No `actual` count asked for: libdeflate then succeeds only when the stream fills `length` exactly.
                return libdeflate_zlib_decompress(decompressor, source + 4, input.count - 4, destination, length, nil)
            }
        }
        guard result == LIBDEFLATE_SUCCESS else { return nil }
        output.removeSubrange(length...)
        return output
    }
}
