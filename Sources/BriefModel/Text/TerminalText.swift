/// Terminal safety: the one sanitiser every string passes before it reaches a screen or plain-text output.
///
/// Stories are stored exactly as written, hostile bytes included; this is where escape sequences and
/// controls lose their power. Example: `"a\u{1B}[2Jb"` becomes `"ab"`.
public enum TerminalText {
    /// Removes, in one linear pass:
    /// - ESC sequences whole: CSI (`ESC [` … final byte), OSC/DCS/SOS/PM/APC strings (`ESC ]` … up to BEL or ST;
    ///   an unterminated one ends at the next line break so the rest of the story stays readable), and the
    ///   other short sequences (`ESC` + intermediates + one final byte);
    /// - C0 controls: tab becomes a space; a line break (LF, and U+2028/U+2029) is kept only when
    ///   `keepNewlines`, else it becomes a space so words do not run together; the rest are dropped;
    /// - DEL and C1 controls (U+0080–U+009F);
    /// - bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) and the marks
    ///   U+200E, U+200F and U+061C.
    public static func sanitize(_ text: String, keepNewlines: Bool = false) -> String {
        var text = text
        return text.withUTF8 { sanitize(bytes: $0, keepNewlines: keepNewlines, masking: false) }
    }

    /// The text with everything `sanitize` would remove replaced by spaces, one per Unicode scalar removed, so
    /// offsets counted in scalars still point at the same words. Line breaks are kept. The tagger reads this
    /// form, so that the payload of an escape sequence (an OSC 52 clipboard string, say) is never taken for a name
    /// and no mention can start or end inside a sequence.
    public static func masked(_ text: String) -> String {
        var text = text
        return text.withUTF8 { sanitize(bytes: $0, keepNewlines: true, masking: true) }
    }

    /// Works on the UTF-8 bytes of valid text: every character removed is recognisable by its bytes
    /// (C1 controls are C2 80–C2 9F; the bidi controls are E2 80 8E/8F, E2 80 AA–AE, E2 81 A6–A9; U+061C is D8 9C).
    private static func sanitize(bytes s: UnsafeBufferPointer<UInt8>, keepNewlines: Bool, masking: Bool) -> String {
        var out = [UInt8]()
        out.reserveCapacity(s.count)
        let lineBreak: UInt8 = keepNewlines ? 0x0A : 0x20
        let n = s.count
        var i = 0
        while i < n {
            let b = s[i]
            switch b {
            case 0x1B:
                let end = skipEscapeSequence(s, after: i + 1)
                if masking { appendSpaces(forScalarsIn: s, from: i, to: end, to: &out) }
                i = end
            case 0x0A:
                out.append(lineBreak)
                i += 1
            case 0x09:
                out.append(0x20)
                i += 1
            case 0x00...0x1F, 0x7F:
                if masking { out.append(0x20) }
                i += 1
            case 0xC2 where i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F:
                if masking { out.append(0x20) }
                i += 2
            case 0xD8 where i + 1 < n && s[i + 1] == 0x9C:
                if masking { out.append(0x20) }
                i += 2
            case 0xE2 where i + 2 < n && isFormatControl(s[i + 1], s[i + 2]):
                if s[i + 1] == 0x80, s[i + 2] == 0xA8 || s[i + 2] == 0xA9 {
                    out.append(masking ? 0x20 : lineBreak)
                } else if masking {
                    out.append(0x20)
                }
                i += 3
            default:
                out.append(b)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// One space for every scalar (every byte that does not continue a UTF-8 sequence) in `s[from..<to]`.
    private static func appendSpaces(forScalarsIn s: UnsafeBufferPointer<UInt8>, from: Int, to end: Int,
                                     to out: inout [UInt8]) {
        for k in from..<end where s[k] & 0xC0 != 0x80 { out.append(0x20) }
    }

    /// E2 80 8E/8F (LRM, RLM), E2 80 A8/A9 (line and paragraph separators), E2 80 AA–AE, E2 81 A6–A9.
    private static func isFormatControl(_ b1: UInt8, _ b2: UInt8) -> Bool {
        if b1 == 0x80 { return b2 == 0x8E || b2 == 0x8F || (b2 >= 0xA8 && b2 <= 0xAE) }
        if b1 == 0x81 { return b2 >= 0xA6 && b2 <= 0xA9 }
        return false
    }

    /// Returns the index after the escape sequence whose ESC was at `start - 1`.
    private static func skipEscapeSequence(_ s: UnsafeBufferPointer<UInt8>, after start: Int) -> Int {
        let n = s.count
        var i = start
        guard i < n else { return i }
        switch s[i] {
        case 0x5B: // "[": CSI parameters and intermediates, then one final byte
            i += 1
            while i < n, s[i] >= 0x20, s[i] <= 0x3F { i += 1 }
            if i < n, s[i] >= 0x40, s[i] <= 0x7E { i += 1 }
            // Anything else ends a malformed sequence and is handled as ordinary text.
            return i
        case 0x5D, 0x50, 0x58, 0x5E, 0x5F: // "]" OSC, "P" DCS, "X" SOS, "^" PM, "_" APC: ended by BEL or ST
            i += 1
            while i < n {
                switch s[i] {
                case 0x07:
                    return i + 1
                case 0x1B:
                    return i + 1 < n && s[i + 1] == 0x5C ? i + 2 : i + 1
                case 0xC2 where i + 1 < n && s[i + 1] == 0x9C: // C1 ST
                    return i + 2
                case 0x0A:
                    return i
                default:
                    i += 1
                }
            }
            return i
        case 0x20...0x2F: // intermediates then a final byte, e.g. ESC ( B
            while i < n, s[i] >= 0x20, s[i] <= 0x2F { i += 1 }
            if i < n, s[i] >= 0x30, s[i] <= 0x7E { i += 1 }
            return i
        case 0x30...0x7E: // two-byte sequences such as ESC 7, ESC c, ESC M
            return i + 1
        default:
            return i // a lone ESC before other text: drop only the ESC
        }
    }
}
