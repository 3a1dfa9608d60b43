/// Why an input file's bytes could not be taken as text. Each description is one clear lower-case phrase
/// naming what was wrong and where, e.g. `invalid UTF-8 at byte 1234`.
public enum SourceTextError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No bytes at all, or only a byte-order mark and whitespace.
    case empty
    /// Larger than `SourceText.maxBytes`; refused before any decoding.
    case tooLarge(byteCount: Int, limit: Int)
    /// Binary data: a NUL byte anywhere, or more than a tenth control bytes in the first 8 KiB (tab, line ends,
    /// form feed and ESC excepted). `offset` is the first offending byte.
    case binary(offset: Int)
    /// Not valid UTF-8; `offset` is the byte where the first bad sequence starts (0-based, counted in the input).
    case invalidUTF8(offset: Int)

    public var description: String {
        switch self {
        case .empty:
            return "input is empty"
        case let .tooLarge(byteCount, limit):
            return "input is too large: \(byteCount) bytes (\(Self.mebibytes(byteCount))), "
                + "the limit is \(limit) bytes (\(Self.mebibytes(limit)))"
        case let .binary(offset):
            return "binary data, not text (control byte at byte \(offset))"
        case let .invalidUTF8(offset):
            return "invalid UTF-8 at byte \(offset)"
        }
    }

    private static func mebibytes(_ bytes: Int) -> String {
        let tenths = bytes / (1024 * 1024 / 10)
        return "\(tenths / 10).\(tenths % 10) MiB"
    }
}
