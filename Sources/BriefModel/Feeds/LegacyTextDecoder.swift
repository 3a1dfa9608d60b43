#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes text in a legacy encoding named by its IANA label (`KOI8-R`, `GBK`, `windows-1251`, `Shift_JIS`, …) with
/// the C library's iconv. Pure computation on memory. Undecodable bytes become U+FFFD, so nothing traps and the rest
/// of the text survives.
enum LegacyTextDecoder {
    /// True when the C library can decode `encoding`.
    static func isKnown(_ encoding: String) -> Bool {
        let converter = iconv_open("UTF-8", encoding)
        guard Int(bitPattern: converter) != -1 else { return false }
        iconv_close(converter)
        return true
    }

    /// `bytes` decoded from `encoding`, or nil when the C library does not know the encoding.
    static func decode(_ bytes: [UInt8], encoding: String) -> String? {
        let converter = iconv_open("UTF-8", encoding)
        guard Int(bitPattern: converter) != -1 else { return nil }
        defer { iconv_close(converter) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 2)
        var chunk = [UInt8](repeating: 0, count: 16_384)
        var input = bytes
        let total = input.count
        var consumed = 0
        input.withUnsafeMutableBufferPointer { inputBuffer in
            guard let inputBase = inputBuffer.baseAddress else { return }
            while consumed < total {
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inputBase + consumed)
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = total - consumed
                let (written, status, failure): (Int, Int, Int32) = chunk.withUnsafeMutableBufferPointer { chunkBuffer in
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(chunkBuffer.baseAddress)?
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = chunkBuffer.count
                    let status = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                    return (chunkBuffer.count - outLeft, status, status == -1 ? errno : 0)
                }
                output.append(contentsOf: chunk[0..<written])
                consumed = total - inLeft
                if status != -1 { break }
                if failure == E2BIG { continue }
                // An invalid or truncated sequence: mark it and go on after its first byte.
                output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                consumed += 1
                _ = iconv(converter, nil, nil, nil, nil)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
