/// Everything the features need to know about one distinct token, computed once per word form and
/// reused for every occurrence: hashed spellings, shape, affixes, and the lexicon's knowledge.
public struct WordInfo: Sendable {
    /// Capitalisation classes.
    public enum Case: UInt8, Sendable {
        case noLetters = 0, lower, capitalised, allCaps, mixed
    }

    public var word: UInt64 = 0
    public var lower: UInt64 = 0
    /// Hash of the lower-cased form's UTF-8 before digit folding, the lexicon key.
    public var lexiconKey: UInt64 = 0
    public var shape: UInt64 = 0
    public var shortShape: UInt64 = 0
    /// Hashed prefixes and suffixes of 1…4 scalars (fixed fields, so the struct copies without reference counting).
    public var prefix1: UInt64 = 0, prefix2: UInt64 = 0, prefix3: UInt64 = 0, prefix4: UInt64 = 0
    public var suffix1: UInt64 = 0, suffix2: UInt64 = 0, suffix3: UInt64 = 0, suffix4: UInt64 = 0
    /// Hashed character trigrams of the lower-cased word (with boundary marks), at most 12, 0 past the end.
    public var trigrams: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)
        = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    public var letterCase: Case = .noLetters
    public var hasDigit = false
    public var hasHyphen = false
    public var hasPeriod = false
    public var lengthBucket: UInt8 = 0
    public var frequency: UInt8 = 0
    public var cluster64: UInt64 = 0
    public var cluster1024: UInt64 = 0
    public var cluster4096: UInt64 = 0
    public var gazetteer: GazetteerFlags = []

    /// A pseudo-word standing before the first and after the last token of a sentence.
    public static let boundary: WordInfo = {
        var w = WordInfo()
        w.word = FeatureHash.string("<S>")
        w.lower = w.word
        w.shape = w.word
        w.shortShape = w.word
        return w
    }()

    public init() {}

    /// Computes the info of a token's text, consulting `lexicon`.
    public init(_ text: String, lexicon: Lexicon) {
        // Hashes are FNV of the UTF-8 of scalar runs (the same as hashing the String), taken scalar by scalar as the
        // word is read; only the lower-cased scalars are kept, for the lexicon key, the affixes and the trigrams.
        var lowered: [Unicode.Scalar] = []
        lowered.reserveCapacity(16)
        var wordHash = FeatureHash.basis, shapeHash = FeatureHash.basis, shortHash = FeatureHash.basis
        var shapeCount = 0
        var lastShape: Unicode.Scalar?
        var uppers = 0, lowers = 0, count = 0
        var firstUpper = false
        for s in text.unicodeScalars {
            let n = Self.normalise(s)
            FeatureHash.feed(&wordHash, n)
            let shapeChar: Unicode.Scalar
            if n.value < 0x80 {
                switch n.value {
                case 0x41...0x5A: shapeChar = "X"; uppers += 1; if count == 0 { firstUpper = true }
                case 0x61...0x7A: shapeChar = "x"; lowers += 1
                case 0x30...0x39: shapeChar = "d"; hasDigit = true
                default: shapeChar = n
                }
                lowered.append(n.value >= 0x41 && n.value <= 0x5A ? Unicode.Scalar(UInt8(n.value + 32)) : n)
            } else {
                let p = n.properties
                if p.isUppercase {
                    shapeChar = "X"; uppers += 1; if count == 0 { firstUpper = true }
                } else if p.isLowercase || p.isAlphabetic {
                    shapeChar = "x"; lowers += 1
                } else if p.numericType != nil {
                    shapeChar = "d"; hasDigit = true
                } else {
                    shapeChar = n
                }
                lowered.append(contentsOf: p.lowercaseMapping.unicodeScalars)
            }
            if n == "-" { hasHyphen = true }
            if n == "." { hasPeriod = true }
            // The shape of the first 12 scalars, and the shape with runs of one character made one.
            if shapeCount < 12 { FeatureHash.feed(&shapeHash, shapeChar); shapeCount += 1 }
            if lastShape != shapeChar { FeatureHash.feed(&shortHash, shapeChar); lastShape = shapeChar }
            count += 1
        }
        lexiconKey = FeatureHash.scalars(lowered[...])
        let lexiconEntry = lexicon.entry(forHash: lexiconKey)
        word = wordHash
        shape = shapeHash
        shortShape = shortHash
        // ASCII digits fold to 0 so that years and amounts share features: in place, the lower-cased scalars moved
        // (not copied), as they are not needed unfolded any more.
        var folding: [Unicode.Scalar] = []
        swap(&folding, &lowered)
        for k in folding.indices where folding[k].value >= 0x30 && folding[k].value <= 0x39 { folding[k] = "0" }
        let folded = folding
        lower = FeatureHash.scalars(folded[...])
        func affix(_ k: Int, prefix: Bool) -> UInt64 {
            let n = min(k, folded.count)
            let part = prefix ? folded[..<n] : folded[(folded.count - n)...]
            return FeatureHash.mix(UInt64(k), FeatureHash.scalars(part))
        }
        if folded.count >= 3 {
            // `^mo`, `mos`, …, `ow$`: spelling patterns of words never seen in training. Scalar i of the word
            // marked at both ends (`^` + folded + `$`), without building it.
            func marked(_ i: Int) -> Unicode.Scalar { i == 0 ? "^" : i == folded.count + 1 ? "$" : folded[i - 1] }
            withUnsafeMutableBytes(of: &trigrams) { raw in
                for k in 0..<min(12, folded.count) {
                    var h = FeatureHash.basis
                    FeatureHash.feed(&h, marked(k))
                    FeatureHash.feed(&h, marked(k + 1))
                    FeatureHash.feed(&h, marked(k + 2))
                    raw.storeBytes(of: h, toByteOffset: k * 8, as: UInt64.self)
                }
            }
        }
        prefix1 = affix(1, prefix: true); prefix2 = affix(2, prefix: true)
        prefix3 = affix(3, prefix: true); prefix4 = affix(4, prefix: true)
        suffix1 = affix(1, prefix: false); suffix2 = affix(2, prefix: false)
        suffix3 = affix(3, prefix: false); suffix4 = affix(4, prefix: false)
        if uppers + lowers == 0 {
            letterCase = .noLetters
        } else if lowers == 0 {
            letterCase = uppers == 1 && count == 1 ? .capitalised : .allCaps
        } else if uppers == 0 {
            letterCase = .lower
        } else {
            letterCase = firstUpper && uppers == 1 ? .capitalised : .mixed
        }
        lengthBucket = UInt8(min(count, 8))
        if let e = lexiconEntry {
            frequency = e.frequency
            gazetteer = e.gazetteer
            if e.hasCluster {
                cluster64 = 1 &+ UInt64(e.cluster64)
                cluster1024 = FeatureHash.mix(cluster64, 1 &+ UInt64(e.cluster1024))
                cluster4096 = FeatureHash.mix(cluster1024, 1 &+ UInt64(e.cluster4096))
            }
        }
    }

    /// Typographic quotes and dashes read as their plain forms, as in the training data.
    static func normalise(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s.value {
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032: "'"
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB, 0x2033: "\""
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212: "-"
        default: s
        }
    }
}
