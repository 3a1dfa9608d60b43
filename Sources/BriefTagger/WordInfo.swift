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
        // Hashes are taken over scalar arrays (FNV of their UTF-8, the same as hashing the String) to avoid
        // building a dozen strings per new word.
        var normalised: [Unicode.Scalar] = []
        var lowered: [Unicode.Scalar] = []
        var shapeScalars: [Unicode.Scalar] = []
        var shortScalars: [Unicode.Scalar] = []
        normalised.reserveCapacity(16)
        lowered.reserveCapacity(16)
        shapeScalars.reserveCapacity(12)
        shortScalars.reserveCapacity(16)
        var uppers = 0, lowers = 0, count = 0
        var firstUpper = false
        for s in text.unicodeScalars {
            let n = Self.normalise(s)
            normalised.append(n)
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
            if shapeScalars.count < 12 { shapeScalars.append(shapeChar) }
            if shortScalars.last != shapeChar { shortScalars.append(shapeChar) }
            count += 1
        }
        lexiconKey = FeatureHash.scalars(lowered[...])
        let lexiconEntry = lexicon.entry(forHash: lexiconKey)
        word = FeatureHash.scalars(normalised[...])
        // ASCII digits fold to 0 so that years and amounts share features.
        let zero: Unicode.Scalar = "0"
        let foldedScalars: [Unicode.Scalar] = lowered.map { $0.value >= 0x30 && $0.value <= 0x39 ? zero : $0 }
        lower = FeatureHash.scalars(foldedScalars[...])
        shape = FeatureHash.scalars(shapeScalars[...])
        shortShape = FeatureHash.scalars(shortScalars[...])
        func affix(_ k: Int, prefix: Bool) -> UInt64 {
            let n = min(k, foldedScalars.count)
            let part = prefix ? foldedScalars[..<n] : foldedScalars[(foldedScalars.count - n)...]
            return FeatureHash.mix(UInt64(k), FeatureHash.scalars(part))
        }
        if foldedScalars.count >= 3 {
            // `^mo`, `mos`, …, `ow$`: spelling patterns of words never seen in training.
            let marked: [Unicode.Scalar] = ["^"] + foldedScalars + ["$"]
            withUnsafeMutableBytes(of: &trigrams) { raw in
                for k in 0..<min(12, marked.count - 2) {
                    raw.storeBytes(of: FeatureHash.scalars(marked[k..<(k + 3)]), toByteOffset: k * 8, as: UInt64.self)
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
