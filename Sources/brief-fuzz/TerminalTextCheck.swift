import BriefModel

/// What `TerminalText.sanitize` promises about every string it returns, whatever it was given.
enum TerminalTextCheck {
    /// Sanitises `text` both ways and checks the result is safe to print, no longer than the input and stable
    /// when sanitised again (nothing hostile can be assembled from what is left).
    static func check(_ text: String) {
        for keepNewlines in [false, true] {
            let safe = TerminalText.sanitize(text, keepNewlines: keepNewlines)
            requireSafe(safe, keepNewlines: keepNewlines)
            Invariant.require(safe.utf8.count <= text.utf8.count,
                              "sanitize grew \(text.utf8.count) bytes to \(safe.utf8.count)")
            Invariant.require(TerminalText.sanitize(safe, keepNewlines: keepNewlines) == safe,
                              "sanitize is not stable on \(safe.debugDescription)")
        }
    }

    /// No C0 control (LF only when `keepNewlines`), no DEL, no C1 control, no bidi control or mark, no
    /// line or paragraph separator.
    static func requireSafe(_ safe: String, keepNewlines: Bool) {
        for scalar in safe.unicodeScalars {
            let v = scalar.value
            let allowedNewline = keepNewlines && v == 0x0A
            Invariant.require(v >= 0x20 || allowedNewline, "control U+\(hex(v)) survived sanitize")
            Invariant.require(!(0x7F...0x9F).contains(v), "DEL or C1 control U+\(hex(v)) survived sanitize")
            Invariant.require(!(0x202A...0x202E).contains(v) && !(0x2066...0x2069).contains(v)
                              && v != 0x200E && v != 0x200F && v != 0x061C && v != 0x2028 && v != 0x2029,
                              "bidi or separator U+\(hex(v)) survived sanitize")
        }
    }

    private static func hex(_ v: UInt32) -> String { String(v, radix: 16, uppercase: true) }
}
