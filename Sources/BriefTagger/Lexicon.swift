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
    public static let maxPhraseWords = 6

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

    /// The given names (the `givenName` flag) live in a file of their own: they derive from a list under the
    /// GNU FDL, which must ship under its own licence, apart from the CC BY-SA lexicon.
    public static let givenNamesFileName = "given-names.tsv"

    /// Writes `lexicon.tsv` and `given-names.tsv` into `directory`, sorted by word so the files are reproducible.
    public static func write(_ words: [String: LexiconEntry], to directory: URL) throws {
        var out = "# word\tfrequency\tcluster\tgazetteer\n"
        var given = "# Given names (Brief's lexicon flag `givenName`), derived from Jörg Michael's nam_dict.txt 1.2,\n"
            + "# GNU Free Documentation License 1.2 or later: see Resources/NOTICE and Resources/LICENSE.GFDL-1.2.txt.\n"
        for word in words.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            guard var e = words[word] else { continue }
            if e.gazetteer.contains(.givenName) {
                given += word + "\n"
                e.gazetteer.remove(.givenName)
                if e.frequency == 0, !e.hasCluster, e.gazetteer.isEmpty { continue }
            }
            let cluster = e.hasCluster ? "\(e.cluster64).\(e.cluster1024).\(e.cluster4096)" : ""
            out += "\(word)\t\(e.frequency)\t\(cluster)\t\(e.gazetteer.rawValue)\n"
        }
        try Data(out.utf8).write(to: directory.appendingPathComponent(fileName))
        try Data(given.utf8).write(to: directory.appendingPathComponent(givenNamesFileName))
    }

    /// Adds the `givenName` flag to every word of `given-names.tsv` (absent in older models: nothing to add).
    private mutating func addGivenNames(from directory: URL) throws {
        let url = directory.appendingPathComponent(Self.givenNamesFileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw TaggerError.unreadable(url.path, "\(error.localizedDescription)") }
        guard data.last == 0x0A else {
            throw TaggerError.malformedModel(url.path, 0, "truncated given-name list (no final line break)")
        }
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lineStart = 0
            for lineEnd in bytes.indices where bytes[lineEnd] == 0x0A {
                defer { lineStart = lineEnd + 1 }
                if lineEnd == lineStart || bytes[lineStart] == 0x23 { continue }
                let hash = FeatureHash.bytes(UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]))
                entries[hash, default: LexiconEntry()].gazetteer.insert(.givenName)
            }
        }
    }

    /// Reads `lexicon.tsv` from `directory`.
    public static func load(from directory: URL) throws -> Lexicon {
        let url = directory.appendingPathComponent(fileName)
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw TaggerError.unreadable(url.path, "\(error.localizedDescription)") }
        guard data.last == 0x0A else {
            throw TaggerError.malformedModel(url.path, 0, "truncated lexicon (no final line break)")
        }
        var lexicon = Lexicon()
        lexicon.entries.reserveCapacity(data.count / 20)
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
                // Fields: word, frequency, cluster, flags (fixed slots: no allocation per line).
                let fields = ByteFields(bytes, lineStart..<lineEnd, separator: 0x09)
                let tabs = fields.positions
                guard fields.count == 3, let frequency = parseInt(bytes, (tabs.0 + 1)..<tabs.1),
                      let flags = parseInt(bytes, (tabs.2 + 1)..<lineEnd) else {
                    throw TaggerError.malformedModel(url.path, lineNumber, "expected word, frequency, cluster, flags")
                }
                var entry = LexiconEntry(frequency: UInt8(clamping: frequency),
                                         gazetteer: GazetteerFlags(rawValue: UInt32(truncatingIfNeeded: flags)))
                let cluster = (tabs.1 + 1)..<tabs.2
                if !cluster.isEmpty {
                    let dots = ByteFields(bytes, cluster, separator: 0x2E)
                    if dots.count == 2 {
                        let d = dots.positions
                        entry.cluster64 = Int16(clamping: parseInt(bytes, cluster.lowerBound..<d.0) ?? -1)
                        entry.cluster1024 = Int16(clamping: parseInt(bytes, (d.0 + 1)..<d.1) ?? -1)
                        entry.cluster4096 = Int16(clamping: parseInt(bytes, (d.1 + 1)..<cluster.upperBound) ?? -1)
                    }
                }
                let wordRange = lineStart..<tabs.0
                let word = UnsafeBufferPointer(rebasing: bytes[wordRange])
                if word.contains(0x20) {
                    var parts: [UInt64] = []
                    var a = wordRange.lowerBound
                    for k in wordRange where bytes[k] == 0x20 {
                        parts.append(FeatureHash.bytes(UnsafeBufferPointer(rebasing: bytes[a..<k])))
                        a = k + 1
                    }
                    parts.append(FeatureHash.bytes(UnsafeBufferPointer(rebasing: bytes[a..<wordRange.upperBound])))
                    lexicon.addPhrase(parts, entry.gazetteer)
                } else {
                    lexicon.entries[FeatureHash.bytes(word)] = entry
                }
            }
        }
        try lexicon.addGivenNames(from: directory)
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
