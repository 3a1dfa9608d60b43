/// A cursor over the UTF-8 bytes of a short string, for the date reader.
struct ByteScanner {
    let bytes: [UInt8]
    var position = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    var atEnd: Bool { position >= bytes.count }
    var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func advance() { position += 1 }

    mutating func skip(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        position += 1
        return true
    }

    mutating func skipSpaces() {
        while peek == 0x20 { position += 1 }
    }

    mutating func digit() -> Int? {
        guard let b = peek, b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
        position += 1
        return Int(b - UInt8(ascii: "0"))
    }

    /// Every decimal digit at the position: how many there were, and their value when there are at most
    /// `maxDigits` (nil for a longer run, which no caller reads as a number).
    mutating func digitRun(maxDigits: Int) -> (count: Int, value: Int?) {
        var value = 0, count = 0
        while let d = digit() {
            if count < maxDigits { value = value * 10 + d }
            count += 1
        }
        return (count, count <= maxDigits ? value : nil)
    }

    /// Exactly `digits` decimal digits as a number, or nil (leaving the position unchanged).
    mutating func number(digits: Int) -> Int? {
        let start = position
        var value = 0
        for _ in 0..<digits {
            guard let d = digit() else {
                position = start
                return nil
            }
            value = value * 10 + d
        }
        return value
    }
}
