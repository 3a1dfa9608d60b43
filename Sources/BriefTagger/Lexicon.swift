import Foundation

/// Word knowledge the tagger reads beside its weights: frequency, clusters and gazetteer membership of
/// lower-cased words, keyed by the FNV hash of the word's UTF-8 (so lookups never build a String).
///
/// Saved as `lexicon.tsv` in the model directory: one `word<TAB>frequency<TAB>c64.c1024.c4096<TAB>flags`
/// line per word, built from the shared data by `brief ner train`.
public struct Lexicon: Sendable {
    public static let fileName = "lexicon.tsv"
    private var entries: [UInt64: LexiconEntry]
    /// Names of several words (`saudi arabia`), keyed by `phraseKey` of their words' hashes.
    private var phrases: [UInt64: GazetteerFlags] = [:]
    /// The most words a phrase has.
    public static let maxPhraseWords = 4

    public init(entries: [String: LexiconEntry] = [:]) {
        var table: [UInt64: LexiconEntry] = [:]
        table.reserveCapacity(entries.count)
        self.entries = [:]
        for (word, entry) in entries {
            if word.contains(" ") {
                addPhrase(word.split(separator: " ").map { FeatureHash.string(String($0)) }, entry.gazetteer)
            } else {
                table[FeatureHash.string(word)] = entry
            }
        }
        self.entries = table
    }

    private mutating func addPhrase(_ words: [UInt64], _ flags: GazetteerFlags) {
        guard words.count >= 2, words.count <= Self.maxPhraseWords else { return }
        phrases[Self.phraseKey(words[...]), default: []].formUnion(flags)
    }

    /// The key of a phrase from the FNV hashes of its lower-cased words.
    @inline(__always)
    public static func phraseKey(_ words: ArraySlice<UInt64>) -> UInt64 {
        var h: UInt64 = 0x5052_4153_4521
        for w in words { h = FeatureHash.mix(h, w) }
        return h
    }

    /// The gazetteer flags of the phrase made of these words, if it is one.
    public func phrase(_ words: ArraySlice<UInt64>) -> GazetteerFlags? { phrases[Self.phraseKey(words)] }

    /// Whether the lexicon holds any phrase.
    public var hasPhrases: Bool { !phrases.isEmpty }

    /// How many words the lexicon holds.
    public var count: Int { entries.count }

    /// The entry for a lower-cased word, if any.
    public func entry(forLowercased word: String) -> LexiconEntry? { entries[FeatureHash.string(word)] }

    /// The entry for the hash of a lower-cased word's UTF-8, if any.
    public func entry(forHash hash: UInt64) -> LexiconEntry? { entries[hash] }

    /// Writes `lexicon.tsv` into `directory`, sorted by word so the file is reproducible.
    public static func write(_ words: [String: LexiconEntry], to directory: URL) throws {
        var out = "# word\tfrequency\tcluster\tgazetteer\n"
        for word in words.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            guard let e = words[word] else { continue }
            let cluster = e.hasCluster ? "\(e.cluster64).\(e.cluster1024).\(e.cluster4096)" : ""
            out += "\(word)\t\(e.frequency)\t\(cluster)\t\(e.gazetteer.rawValue)\n"
        }
        try Data(out.utf8).write(to: directory.appendingPathComponent(fileName))
    }

    /// Reads `lexicon.tsv` from `directory`.
    public static func load(from directory: URL) throws -> Lexicon {
        let url = directory.appendingPathComponent(fileName)
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw TaggerError.unreadable(url.path, "\(error.localizedDescription)") }
        var lexicon = Lexicon()
        lexicon.entries.reserveCapacity(data.count / 16)
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lineStart = 0
            var lineNumber = 0
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                lineNumber += 1
                defer { lineStart = lineEnd + 1 }
                if lineEnd == lineStart || bytes[lineStart] == 0x23 { continue } // blank or `#` comment
                // Fields: word, frequency, cluster, flags.
                var fields: [Range<Int>] = []
                var f = lineStart
                for k in lineStart..<lineEnd where bytes[k] == 0x09 {
                    fields.append(f..<k)
                    f = k + 1
                }
                fields.append(f..<lineEnd)
                guard fields.count == 4, let frequency = parseInt(bytes, fields[1]),
                      let flags = parseInt(bytes, fields[3]) else {
                    throw TaggerError.malformedModel(url.path, lineNumber, "expected word, frequency, cluster, flags")
                }
                var entry = LexiconEntry(frequency: UInt8(clamping: frequency),
                                         gazetteer: GazetteerFlags(rawValue: UInt32(truncatingIfNeeded: flags)))
                if !fields[2].isEmpty {
                    var parts: [Int] = []
                    var p = fields[2].lowerBound
                    for k in fields[2] where bytes[k] == 0x2E {
                        parts.append(parseInt(bytes, p..<k) ?? -1)
                        p = k + 1
                    }
                    parts.append(parseInt(bytes, p..<fields[2].upperBound) ?? -1)
                    if parts.count == 3 {
                        entry.cluster64 = Int16(clamping: parts[0])
                        entry.cluster1024 = Int16(clamping: parts[1])
                        entry.cluster4096 = Int16(clamping: parts[2])
                    }
                }
                let word = UnsafeBufferPointer(rebasing: bytes[fields[0]])
                if word.contains(0x20) {
                    var parts: [UInt64] = []
                    var a = fields[0].lowerBound
                    for k in fields[0] where bytes[k] == 0x20 {
                        parts.append(FeatureHash.bytes(UnsafeBufferPointer(rebasing: bytes[a..<k])))
                        a = k + 1
                    }
                    parts.append(FeatureHash.bytes(UnsafeBufferPointer(rebasing: bytes[a..<fields[0].upperBound])))
                    lexicon.addPhrase(parts, entry.gazetteer)
                } else {
                    lexicon.entries[FeatureHash.bytes(word)] = entry
                }
            }
        }
        return lexicon
    }

    private static func parseInt(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count < 10 else { return nil }
        var v = 0
        for k in range {
            let d = Int(bytes[k]) - 48
            guard d >= 0, d <= 9 else { return nil }
            v = v * 10 + d
        }
        return v
    }
}
