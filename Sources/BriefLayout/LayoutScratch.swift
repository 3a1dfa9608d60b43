/// Buffers reused from block to block, so measuring allocates nothing per grapheme.
struct LayoutScratch {
    /// Every grapheme of the block, measured (the first `count`).
    private(set) var metrics: [GraphemeMetrics] = []
    /// Each grapheme's first byte in the block, then the block's length (the first `count + 1`).
    private(set) var offsets: [Int] = []
    /// How many graphemes the block has.
    private(set) var count = 0
    /// Each piece's first grapheme, then the number of graphemes.
    var runStarts: [Int] = []
    var ranges: [Range<Int>] = []
    /// The block's mentions that show: number and line.
    var mentionLines: [(number: Int, line: Int)] = []

    /// Measures the graphemes of a block's pieces.
    mutating func measure(_ runs: [LayoutRun]) {
        let length = runs.last?.end ?? 0
        // A block has at most as many graphemes as bytes; the buffers only ever grow, geometrically.
        if metrics.count < length { metrics = Array(repeating: .asciiSpace, count: max(length, 2 * metrics.count)) }
        if offsets.count < length + 1 { offsets = Array(repeating: 0, count: max(length + 1, 2 * offsets.count)) }
        runStarts.removeAll(keepingCapacity: true)
        var count = 0
        metrics.withUnsafeMutableBufferPointer { metrics in
            offsets.withUnsafeMutableBufferPointer { offsets in
                for run in runs {
                    runStarts.append(count)
                    count = Self.measure(run.text, at: run.start, metrics: metrics, offsets: offsets, from: count)
                }
                offsets[count] = length
            }
        }
        runStarts.append(count)
        self.count = count
    }

    /// Wraps the measured block to `width` into `ranges`; with no width, breaks it only at its line breaks.
    mutating func wrap(width: Int?) {
        ranges.removeAll(keepingCapacity: true)
        let count = self.count
        metrics.withUnsafeBufferPointer { all in
            let block = UnsafeBufferPointer(rebasing: all[0..<count])
            if let width {
                TextWrapper.lineRanges(block, width: width, into: &ranges)
            } else {
                TextWrapper.hardLineRanges(block, into: &ranges)
            }
        }
    }

    /// Writes the graphemes of `text`, whose first byte is `base` in the block, from grapheme `first` on;
    /// returns the number of graphemes measured so far. Most graphemes are one scalar that cannot join its
    /// neighbours (an ASCII byte before another ASCII byte, a Latin letter or a quotation mark before ASCII,
    /// an ideograph before an ideograph); those are measured from their bytes, and only the rest pay for
    /// grapheme breaking.
    private static func measure(_ text: String, at base: Int, metrics: UnsafeMutableBufferPointer<GraphemeMetrics>,
                                offsets: UnsafeMutableBufferPointer<Int>, from first: Int) -> Int {
        var n = first
        let measured: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            let count = bytes.count
            var i = 0
            while i < count {
                let byte = bytes[i]
                if byte < 0x80 {
                    let next: UInt8 = i + 1 < count ? bytes[i + 1] : 0
                    if next < 0x80, byte != 0x0D || next != 0x0A {
                        metrics[n] = GraphemeMetrics(ascii: byte)
                        offsets[n] = base + i
                        n += 1
                        i += 1
                        continue
                    }
                } else {
                    let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    let scalar = Self.scalar(bytes, at: i, length: length)
                    if i + length <= count, SimpleScalar.standsAlone(scalar, before: Self.scalar(bytes, after: i + length)) {
                        metrics[n] = GraphemeMetrics(single: scalar)
                        offsets[n] = base + i
                        n += 1
                        i += length
                        continue
                    }
                }
                let utf8 = text.utf8
                let index = utf8.index(utf8.startIndex, offsetBy: i)
                let after = text.index(after: index)
                metrics[n] = GraphemeMetrics(text[index])
                offsets[n] = base + i
                n += 1
                i = max(i + 1, utf8.distance(from: utf8.startIndex, to: after))
            }
        }
        guard measured == nil else { return n }
        var position = base
        for character in text {
            metrics[n] = GraphemeMetrics(character)
            offsets[n] = position
            n += 1
            position += character.utf8.count
        }
        return n
    }

    /// The scalar whose `length` bytes start at `i` (the text is valid UTF-8).
    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, length: Int) -> UInt32 {
        guard i + length <= bytes.count else { return 0xFFFD }
        var value = UInt32(bytes[i]) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        return value
    }

    /// The scalar starting at byte `i`, or nil at the end of the text.
    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, after i: Int) -> UInt32? {
        guard i < bytes.count else { return nil }
        let byte = bytes[i]
        if byte < 0x80 { return UInt32(byte) }
        return scalar(bytes, at: i, length: byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2)
    }
}
