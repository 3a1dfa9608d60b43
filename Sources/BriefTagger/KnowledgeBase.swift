import Foundation

/// Brief's knowledge base: named things with a stable key, type, canonical name, other names (aliases)
/// and, for places and national bodies, a country. Built by `brief ner knowledge` from the shared data and
/// our own facts (`Resources/knowledge/facts.tsv`) and shipped in the model directory as `knowledge.tsv`.
///
/// File: a `# brief knowledge 1` line, then one `key<TAB>type<TAB>name<TAB>country<TAB>alias|alias…` line per
/// entity (`-` for no country, empty for no aliases), most trusted first. Loading hashes every name once and
/// keeps the file's bytes; records are decoded only when a mention links to them.
public struct KnowledgeBase: Sendable {
    public static let fileName = "knowledge.tsv"
    public static let header = "# brief knowledge 1"

    /// One entity of the knowledge base.
    public struct Record: Sendable, Hashable {
        public var key: String
        public var type: EntityType
        public var name: String
        public var country: String?
        public var aliases: [String]

        public init(key: String, type: EntityType, name: String, country: String?, aliases: [String]) {
            self.key = key
            self.type = type
            self.name = name
            self.country = country
            self.aliases = aliases
        }
    }

    private let bytes: [UInt8]
    /// Byte range of each record's line.
    private let lines: [Range<Int>]
    /// Record index by `lookupKey` of a name or alias and a type; the first (most trusted) record wins.
    private let index: HashIndex
    /// The records `lookup` has decoded.
    private let decoded = KnowledgeRecordCache()

    /// How many entities the knowledge base holds.
    public var count: Int { lines.count }

    public init() {
        bytes = []
        lines = []
        index = HashIndex()
    }

    /// Builds a knowledge base from records (in order of trust), as `write` and `load` would.
    public init(records: [Record]) throws {
        try self.init(bytes: Array(Self.serialise(records).utf8), path: "(records)")
    }

    /// Parses the file's bytes; throws naming `path` and the line when the header or a line is malformed.
    public init(bytes: [UInt8], path: String) throws {
        var lines: [Range<Int>] = []
        let headerBytes = Array(Self.header.utf8)
        guard bytes.count >= headerBytes.count, Array(bytes[0..<headerBytes.count]) == headerBytes else {
            throw TaggerError.malformedModel(path, 1, "not a knowledge base (expected '\(Self.header)')")
        }
        guard bytes.last == 0x0A else {
            throw TaggerError.malformedModel(path, 0, "truncated knowledge base (no final line break)")
        }
        lines.reserveCapacity(bytes.count / 40)
        var index = HashIndex(expected: bytes.count / 20)
        try bytes.withUnsafeBufferPointer { b in
            var lineStart = 0
            var lineNumber = 0
            for lineEnd in b.indices where b[lineEnd] == 0x0A {
                let p = lineStart, e = lineEnd
                lineNumber += 1
                lineStart = lineEnd + 1
                if e == p || b[p] == 0x23 { continue }
                let fields = ByteFields(b, p..<e, separator: 0x09)
                let tabs = fields.positions
                guard fields.count == 4, tabs.0 > p, tabs.2 > tabs.1 + 1,
                      let type = Self.type(b, (tabs.0 + 1)..<tabs.1) else {
                    throw TaggerError.malformedModel(path, lineNumber, "expected key, type (PER, ORG, LOC, MISC), name, country, aliases")
                }
                let record = UInt32(lines.count)
                lines.append(p..<e)
                func add(_ range: Range<Int>) {
                    guard !range.isEmpty else { return }
                    index.insert(Self.lookupKey(UnsafeBufferPointer(rebasing: b[range]), type: type), record)
                }
                add((tabs.1 + 1)..<tabs.2)
                var a = tabs.3 + 1
                for k in (tabs.3 + 1)...e where k == e || b[k] == 0x7C {
                    add(a..<k)
                    a = k + 1
                }
            }
        }
        self.bytes = bytes
        self.lines = lines
        self.index = index
    }

    private init(bytes: [UInt8], lines: [Range<Int>], index: HashIndex) {
        self.bytes = bytes
        self.lines = lines
        self.index = index
    }

    /// The packed index of `knowledge.tsv` (`brief ner pack`), beside it: where each record's line is and the
    /// table of names, read back instead of hashing every name again.
    public static let packedFileName = "knowledge.bin"
    private static let packedMagic = "BRKNOW1\0"

    /// Reads the `knowledge.tsv`-format file at `url`, with its packed index when one is beside it.
    public static func load(from url: URL) throws -> KnowledgeBase {
        let bytes = try FileBytes.read(url.path)
        let packed = url.deletingLastPathComponent().appendingPathComponent(packedFileName)
        guard FileManager.default.fileExists(atPath: packed.path) else { return try KnowledgeBase(bytes: bytes, path: url.path) }
        let headerBytes = Array(Self.header.utf8)
        guard bytes.count >= headerBytes.count, Array(bytes[0..<headerBytes.count]) == headerBytes, bytes.last == 0x0A else {
            throw TaggerError.malformedModel(url.path, 1, "not a knowledge base (expected '\(Self.header)', whole lines)")
        }
        var reader = try PackedReader(path: packed.path, magic: packedMagic)
        guard try reader.read(UInt64.self) == UInt64(bytes.count) else {
            throw reader.fail("made from another \(url.lastPathComponent) (run `brief ner pack`)")
        }
        let starts = try reader.readArray(UInt32.self), ends = try reader.readArray(UInt32.self)
        let index = try reader.readIndex()
        try reader.finish()
        guard starts.count == ends.count else { throw reader.fail("line tables of different lengths") }
        var lines: [Range<Int>] = []
        lines.reserveCapacity(starts.count)
        for (a, z) in zip(starts, ends) {
            guard a <= z, Int(z) <= bytes.count else { throw reader.fail("a line outside \(url.lastPathComponent)") }
            lines.append(Int(a)..<Int(z))
        }
        try index.forEachValue { if Int($0) >= lines.count { throw reader.fail("index points past the records") } }
        return KnowledgeBase(bytes: bytes, lines: lines, index: index)
    }

    /// Writes `knowledge.bin` beside the `knowledge.tsv`-format file at `url`, from it.
    public static func pack(_ url: URL) throws {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw TaggerError.unreadable(url.path, "no such file or not readable")
        }
        let knowledge = try KnowledgeBase(bytes: [UInt8](data), path: url.path)
        var out = PackedWriter(magic: packedMagic)
        out.append(UInt64(data.count))
        out.append(array: knowledge.lines.map { UInt32($0.lowerBound) })
        out.append(array: knowledge.lines.map { UInt32($0.upperBound) })
        out.append(knowledge.index.compacted())
        try out.data.write(to: url.deletingLastPathComponent().appendingPathComponent(packedFileName))
    }

    /// Writes the records to `url` in file order.
    public static func write(_ records: [Record], to url: URL) throws {
        try Data(serialise(records).utf8).write(to: url)
    }

    static func serialise(_ records: [Record]) -> String {
        var out = Self.header + "\n# key\ttype\tname\tcountry\taliases\n"
        for r in records {
            out += "\(r.key)\t\(r.type.rawValue)\t\(r.name)\t\(r.country ?? "-")\t\(r.aliases.joined(separator: "|"))\n"
        }
        return out
    }

    /// The record a name of the given type refers to (`EU`, `the Kremlin`, `Izmail`), if the knowledge base
    /// knows the name.
    public func lookup(_ name: String, type: EntityType) -> Record? {
        guard !lines.isEmpty else { return nil }
        return found(name, key: Self.lookupKey(name, type: type), acronym: Self.isAcronym(name))
    }

    /// `lookup` of `name` as each of `types`, the records found in that order: the name is hashed once for all.
    public func lookup(_ name: String, types: some Sequence<EntityType>) -> [Record] {
        guard !lines.isEmpty else { return [] }
        let hash = Self.nameHash(name), acronym = Self.isAcronym(name)
        return types.compactMap { found(name, key: Self.typed(hash, $0), acronym: acronym) }
    }

    /// The record under `key` (`name`'s lookup key for one type), if any.
    private func found(_ name: String, key: UInt64, acronym: Bool) -> Record? {
        guard let r = index.find(key) else { return nil }
        let found = decoded.record(Int(r), decode: record)
        // Names are found without case, but an acronym (`UN`) is only the name of what is written so (`Un`, a
        // town in India, is not the United Nations).
        if acronym, found.name != name, !found.aliases.contains(name) { return nil }
        return found
    }

    /// Two to six capital letters (dots allowed between them): `UN`, `U.N.`, `ECOWAS`.
    static func isAcronym(_ name: String) -> Bool {
        var letters = 0
        for s in name.unicodeScalars {
            if s == "." { continue }
            // ASCII by its range; Unicode's property tables (slow to query) only for the rest.
            guard s.isASCII ? (s.value >= 0x41 && s.value <= 0x5A) : s.properties.isUppercase else { return false }
            letters += 1
        }
        return letters >= 2 && letters <= 6
    }

    /// Whether `name` is the record's canonical name (not only one of its aliases), compared as lookups compare.
    public func isCanonical(_ name: String, of record: Record) -> Bool {
        Self.lookupKey(name, type: record.type) == Self.lookupKey(record.name, type: record.type)
    }

    /// Whether the name of the given type is in the knowledge base (no record decoded).
    public func contains(_ name: String, type: EntityType) -> Bool {
        index.find(Self.lookupKey(name, type: type)) != nil
    }

    /// `lookupKey` of a name's UTF-8, read in place where the string allows it.
    static func lookupKey(_ name: String, type: EntityType) -> UInt64 {
        typed(nameHash(name), type)
    }

    /// `nameHash` of a name's UTF-8, read in place where the string allows it.
    private static func nameHash(_ name: String) -> UInt64 {
        name.utf8.withContiguousStorageIfAvailable { nameHash($0) } ?? Array(name.utf8).withUnsafeBufferPointer { nameHash($0) }
    }

    /// The lookup key of a name of `type` whose `nameHash` is `hash`.
    private static func typed(_ hash: UInt64, _ type: EntityType) -> UInt64 {
        FeatureHash.mix(hash, UInt64(BIOTagSet.types.firstIndex(of: type) ?? 0) &+ 0x4B42)
    }

    /// The hash a name of `type` is found by: its `nameHash` with the type mixed in.
    static func lookupKey(_ utf8: UnsafeBufferPointer<UInt8>, type: EntityType) -> UInt64 {
        typed(nameHash(utf8), type)
    }

    /// Record `i` in file order.
    public func record(_ i: Int) -> Record {
        let line = bytes[lines[i]]
        let fields = line.split(separator: 0x09, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        let country = fields[3] == "-" || fields[3].isEmpty ? nil : fields[3]
        let aliases = fields[4].isEmpty ? [] : fields[4].split(separator: "|").map(String.init)
        return Record(key: fields[0], type: EntityType(rawValue: fields[1]) ?? .group, name: fields[2],
                      country: country, aliases: aliases)
    }

    private static func type(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> EntityType? {
        guard r.count == 3 || r.count == 4 else { return nil }
        switch (b[r.lowerBound], b[r.lowerBound + 1], b[r.lowerBound + 2]) {
        case (0x50, 0x45, 0x52) where r.count == 3: return .person
        case (0x4F, 0x52, 0x47) where r.count == 3: return .organisation
        case (0x4C, 0x4F, 0x43) where r.count == 3: return .place
        case (0x4D, 0x49, 0x53) where r.count == 4 && b[r.lowerBound + 3] == 0x43: return .group
        default: return nil
        }
    }

    /// The hash of a name before its type is mixed in: lower-cased, typographic quotes and dashes plain, a
    /// leading `the ` and a trailing possessive dropped, runs of spaces one. Streams over the bytes (it runs for
    /// every name when the file loads).
    private static func nameHash(_ utf8: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var lo = 0, hi = utf8.count
        func ascii(_ k: Int) -> UInt8 { let c = utf8[k]; return c >= 0x41 && c <= 0x5A ? c + 32 : c }
        func isSpace(_ k: Int) -> Bool { utf8[k] == 0x20 || utf8[k] == 0x09 || utf8[k] == 0x0A || utf8[k] == 0x0D }
        while lo < hi, isSpace(lo) { lo += 1 }
        while hi > lo, isSpace(hi - 1) { hi -= 1 }
        if hi - lo > 4, ascii(lo) == 0x74, ascii(lo + 1) == 0x68, ascii(lo + 2) == 0x65, utf8[lo + 3] == 0x20 { lo += 4 }
        if hi - lo > 2, ascii(hi - 1) == 0x73 {
            if utf8[hi - 2] == 0x27 {
                hi -= 2
            } else if hi - lo > 4, utf8[hi - 4] == 0xE2, utf8[hi - 3] == 0x80, utf8[hi - 2] == 0x99 {
                hi -= 4
            }
            while hi > lo, isSpace(hi - 1) { hi -= 1 }
        }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        @inline(__always) func feed(_ byte: UInt8) { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        var pendingSpace = false
        var k = lo
        while k < hi {
            let c = utf8[k]
            if c < 0x80 {
                if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D {
                    pendingSpace = true
                } else {
                    if pendingSpace { feed(0x20); pendingSpace = false }
                    feed(c >= 0x41 && c <= 0x5A ? c + 32 : c)
                }
                k += 1
                continue
            }
            // A multi-byte scalar: decode it, normalise and lower-case it.
            let width = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
            let end = min(k + width, hi)
            var value = UInt32(c) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
            for j in (k + 1)..<max(end, k + 1) { value = value << 6 | UInt32(utf8[j] & 0x3F) }
            k = end
            guard let scalar = Unicode.Scalar(value) else { continue }
            if scalar.properties.isWhitespace { pendingSpace = true; continue }
            if pendingSpace { feed(0x20); pendingSpace = false }
            let n = WordInfo.normalise(scalar)
            if n.value < 0x80 {
                feed(UInt8(n.value))
            } else {
                for l in n.properties.lowercaseMapping.unicodeScalars {
                    for byte in UTF8.encode(l).unsafelyUnwrapped { feed(byte) }
                }
            }
        }
        return h
    }
}
