import Foundation

/// Word knowledge the tagger reads beside its weights: frequency, clusters and gazetteer membership of
/// lower-cased words, keyed by the FNV hash of the word's UTF-8 (so lookups never build a String).
///
/// Saved as `lexicon.tsv` in the model directory: one `word<TAB>frequency<TAB>c64.c1024.c4096<TAB>flags`
/// line per word, built from the shared data by `brief ner train`.
public struct Lexicon: Sendable {
    public static let fileName = "lexicon.tsv"
    /// Word hash → position in `values`.
    private var index = HashIndex()
    private var values: [LexiconEntry] = []
    /// Names of several words (`saudi arabia`), keyed by `phraseKey` of their words' hashes: gazetteer flags.
    private var phrases = HashIndex()
    /// The most words a phrase has.
    public static let maxPhraseWords = 6

    public init(entries: [String: LexiconEntry] = [:]) {
        index = HashIndex(expected: entries.count)
        values.reserveCapacity(entries.count)
        // In word order, so that equal inputs give equal tables (and packed files).
        for word in entries.keys.sorted() {
            guard let entry = entries[word] else { continue }
            if word.contains(" ") {
                addPhrase(word.split(separator: " ").map { FeatureHash.string(String($0)) }, entry.gazetteer)
            } else {
                set(FeatureHash.string(word), entry)
            }
        }
    }

    private mutating func addPhrase(_ words: [UInt64], _ flags: GazetteerFlags) {
        guard words.count >= 2, words.count <= Self.maxPhraseWords else { return }
        phrases.insert(Self.phraseKey(words[...]), flags.rawValue, merge: { $0 | $1 })
    }

    /// Stores `entry` for the word hash `hash`, replacing any.
    private mutating func set(_ hash: UInt64, _ entry: LexiconEntry) {
        if let i = index.find(hash) {
            values[Int(i)] = entry
        } else {
            index.insert(hash, UInt32(values.count))
            values.append(entry)
        }
    }

    /// The key of a phrase from the FNV hashes of its lower-cased words.
    @inline(__always)
    public static func phraseKey(_ words: ArraySlice<UInt64>) -> UInt64 {
        var h: UInt64 = 0x5052_4153_4521
        for w in words { h = FeatureHash.mix(h, w) }
        return h
    }

    /// The gazetteer flags of the phrase made of these words, if it is one.
    public func phrase(_ words: ArraySlice<UInt64>) -> GazetteerFlags? {
        phrases.find(Self.phraseKey(words)).map { GazetteerFlags(rawValue: $0) }
    }

    /// Looks up at once the phrases made of the first 2…n words of `words` (n at most `maxPhraseWords`): afterwards
    /// `found[k]` is the gazetteer flags' raw value of the phrase of the first k words, or `noPhrase`. The keys are
    /// built word by word (each is the one before mixed with the next word), and the lookups do not wait on each
    /// other. `found` needs `maxPhraseWords + 1` entries.
    public func phrasePrefixes(_ words: ArraySlice<UInt64>, into found: inout [UInt64]) {
        // The prefixes' hashes first, each slot asked for as soon as it is known; then the look-ups, whose reads
        // (the table is larger than the caches) are under way together by then.
        var h: UInt64 = 0x5052_4153_4521
        var n = 0
        for w in words.prefix(Self.maxPhraseWords) {
            h = FeatureHash.mix(h, w)
            n += 1
            found[n] = h
            if n >= 2 { phrases.prefetch(h) }
        }
        if n >= 1 { found[1] = Self.noPhrase }
        for k in stride(from: 2, through: n, by: 1) {
            found[k] = phrases.find(found[k]).map { UInt64($0) } ?? Self.noPhrase
        }
    }

    /// What `phrasePrefixes` gives for no phrase.
    public static let noPhrase = UInt64.max

    /// Whether the lexicon holds any phrase.
    public var hasPhrases: Bool { phrases.count > 0 }

    /// How many words the lexicon holds.
    public var count: Int { values.count }

    /// The entry for a lower-cased word, if any.
    public func entry(forLowercased word: String) -> LexiconEntry? { entry(forHash: FeatureHash.string(word)) }

    /// The entry for the hash of a lower-cased word's UTF-8, if any.
    @inline(__always)
    public func entry(forHash hash: UInt64) -> LexiconEntry? { index.find(hash).map { values[Int($0)] } }

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
        var hashes: [UInt64] = []
        try readGivenNames(from: directory) { hashes.append($0) }
        for hash in hashes { addGivenName(hash) }
    }

    /// Calls `body` with the hash of every word of `given-names.tsv`, in file order.
    private func readGivenNames(from directory: URL, _ body: (UInt64) -> Void) throws {
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
                body(FeatureHash.bytes(UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])))
            }
        }
    }

    /// Marks the word hash `hash` a given name.
    private mutating func addGivenName(_ hash: UInt64) {
        if let i = index.find(hash) {
            values[Int(i)].gazetteer.insert(.givenName)
        } else {
            set(hash, LexiconEntry(gazetteer: .givenName))
        }
    }

    /// The packed forms of `lexicon.tsv` and `given-names.tsv` (`brief ner pack`): the tables as they are in
    /// memory, read back in a few milliseconds instead of parsed and hashed again.
    public static let packedFileName = "lexicon.bin"
    public static let packedGivenNamesFileName = "given-names.bin"
    private static let packedMagic = "BRLEXB1\0"
    private static let packedGivenMagic = "BRGIVN1\0"

    /// Reads the lexicon in `directory`: its packed form when there is one (and it was made from the
    /// `lexicon.tsv` beside it), else `lexicon.tsv` (and `given-names.tsv`).
    public static func load(from directory: URL) throws -> Lexicon {
        let packed = directory.appendingPathComponent(packedFileName)
        guard FileManager.default.fileExists(atPath: packed.path) else { return try loadText(from: directory) }
        var lexicon = Lexicon()
        var reader = try PackedReader(path: packed.path, magic: packedMagic)
        try checkSource(try reader.read(UInt64.self), of: packed.path, directory.appendingPathComponent(fileName))
        let frequency = try reader.readArray(UInt8.self), c64 = try reader.readArray(Int16.self)
        let c1024 = try reader.readArray(Int16.self), c4096 = try reader.readArray(Int16.self)
        let flags = try reader.readArray(UInt32.self)
        let n = frequency.count
        guard c64.count == n, c1024.count == n, c4096.count == n, flags.count == n else {
            throw reader.fail("entry columns of different lengths")
        }
        lexicon.index = try reader.readIndex()
        lexicon.phrases = try reader.readIndex()
        try reader.finish()
        guard lexicon.index.count == n else { throw reader.fail("index of \(lexicon.index.count) words for \(n) entries") }
        try lexicon.index.forEachValue { if Int($0) >= n { throw reader.fail("index points past the entries") } }
        lexicon.values = (0..<n).map {
            LexiconEntry(frequency: frequency[$0], cluster64: c64[$0], cluster1024: c1024[$0], cluster4096: c4096[$0],
                         gazetteer: GazetteerFlags(rawValue: flags[$0]))
        }
        let given = directory.appendingPathComponent(packedGivenNamesFileName)
        if FileManager.default.fileExists(atPath: given.path) {
            var names = try PackedReader(path: given.path, magic: packedGivenMagic)
            try checkSource(try names.read(UInt64.self), of: given.path, directory.appendingPathComponent(givenNamesFileName))
            let hashes = try names.readArray(UInt64.self)
            try names.finish()
            for hash in hashes { lexicon.addGivenName(hash) }
        } else {
            try lexicon.addGivenNames(from: directory)
        }
        return lexicon
    }

    /// Refuses a packed file made from another version of its text file (`size` is the text's size when packed).
    static func checkSource(_ size: UInt64, of packed: String, _ text: URL) throws {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: text.path),
              let actual = attributes[.size] as? NSNumber else { return }
        guard actual.uint64Value == size else {
            throw TaggerError.malformedModel(packed, 0, "made from another \(text.lastPathComponent) (run `brief ner pack`)")
        }
    }

    /// Writes `lexicon.bin` and `given-names.bin` into `directory` from its `lexicon.tsv` and `given-names.tsv`.
    public static func pack(directory: URL) throws {
        let lexicon = try loadText(from: directory, givenNames: false)
        var hashes: [UInt64] = []
        try lexicon.readGivenNames(from: directory) { hashes.append($0) }
        func size(_ name: String) -> UInt64 {
            ((try? FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(name).path))?[.size]
                as? NSNumber)?.uint64Value ?? 0
        }
        var out = PackedWriter(magic: packedMagic)
        out.append(size(fileName))
        out.append(array: lexicon.values.map(\.frequency))
        out.append(array: lexicon.values.map(\.cluster64))
        out.append(array: lexicon.values.map(\.cluster1024))
        out.append(array: lexicon.values.map(\.cluster4096))
        out.append(array: lexicon.values.map(\.gazetteer.rawValue))
        // Room for the given names the lexicon lacks, added when it loads.
        out.append(lexicon.index.compacted(room: hashes.filter { lexicon.index.find($0) == nil }.count))
        out.append(lexicon.phrases.compacted())
        try out.data.write(to: directory.appendingPathComponent(packedFileName))
        var given = PackedWriter(magic: packedGivenMagic)
        given.append(size(givenNamesFileName))
        given.append(array: hashes)
        try given.data.write(to: directory.appendingPathComponent(packedGivenNamesFileName))
    }

    /// Reads `lexicon.tsv` (and, with `givenNames`, `given-names.tsv`) from `directory`.
    static func loadText(from directory: URL, givenNames: Bool = true) throws -> Lexicon {
        let url = directory.appendingPathComponent(fileName)
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw TaggerError.unreadable(url.path, "\(error.localizedDescription)") }
        guard data.last == 0x0A else {
            throw TaggerError.malformedModel(url.path, 0, "truncated lexicon (no final line break)")
        }
        var lexicon = Lexicon()
        lexicon.index = HashIndex(expected: data.count / 20)
        lexicon.values.reserveCapacity(data.count / 20)
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
                    lexicon.set(FeatureHash.bytes(word), entry)
                }
            }
        }
        if givenNames { try lexicon.addGivenNames(from: directory) }
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
