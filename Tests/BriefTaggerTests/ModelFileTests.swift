import Foundation
import Testing
@testable import BriefTagger

@Suite("Model files")
struct ModelFileTests {
    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("brief-tagger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("weights survive a save and load, quantised to 16 bits")
    func weightRoundTrip() throws {
        // Given a small dense table with a few non-zero rows
        let bits = 10
        var dense = [Float](repeating: 0, count: (1 << bits) * 9)
        for l in 0..<9 { dense[3 * 9 + l] = Float(l) - 4; dense[700 * 9 + l] = Float(l) * 0.25 }
        let transitions = (0..<81).map { Float($0) / 10 }
        let start = (0..<9).map { Float(-$0) }
        let table = WeightTable.pruned(bits: bits, dense: dense, transitions: transitions, start: start, maxRows: 10)
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("pass1.weights")
        // When written and read back
        try table.write(to: url)
        let loaded = try WeightTable.load(from: url)
        // Then rows, transitions and start weights match within the quantisation step
        #expect(loaded.rowCount == 2)
        #expect(loaded.transitions == transitions)
        #expect(loaded.start == start)
        let back = loaded.denseWeights()
        for k in dense.indices { #expect(abs(back[k] - dense[k]) < 0.001) }
    }

    @Test("a damaged weight file is refused with its path")
    func damagedWeights() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("pass1.weights")
        try Data("BRNERW1\0garbage".utf8).write(to: url)
        #expect(throws: TaggerError.self) { try WeightTable.load(from: url) }
    }

    @Test("the lexicon survives a save and load")
    func lexiconRoundTrip() throws {
        let entries = [
            "kyiv": LexiconEntry(frequency: 8, cluster64: 52, cluster1024: 4, cluster4096: 2, gazetteer: [.capital, .city]),
            "the": LexiconEntry(frequency: 16),
            "zürich": LexiconEntry(gazetteer: [.city]),
        ]
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Lexicon.write(entries, to: dir)
        let loaded = try Lexicon.load(from: dir)
        #expect(loaded.count == 3)
        for (word, entry) in entries { #expect(loaded.entry(forLowercased: word) == entry) }
    }

    @Test("the packed lexicon and knowledge base load as the text files do, and are written the same way twice")
    func packedRoundTrip() throws {
        // Given a lexicon with a phrase and given names, and a knowledge base, as text files
        let entries = [
            "kyiv": LexiconEntry(frequency: 8, cluster64: 52, cluster1024: 4, cluster4096: 2, gazetteer: [.capital, .city]),
            "the": LexiconEntry(frequency: 16),
            "south china sea": LexiconEntry(gazetteer: [.knownPlace]),
            "amara": LexiconEntry(frequency: 2, gazetteer: [.givenName]),
            "olena": LexiconEntry(gazetteer: [.givenName]),
        ]
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Lexicon.write(entries, to: dir)
        let records = [KnowledgeBase.Record(key: "ORG:united-nations", type: .organisation, name: "United Nations",
                                            country: nil, aliases: ["UN", "U.N."]),
                       KnowledgeBase.Record(key: "LOC:izmail", type: .place, name: "Izmail", country: "Ukraine",
                                            aliases: ["Izmayil"])]
        let kbURL = dir.appendingPathComponent(KnowledgeBase.fileName)
        try KnowledgeBase.write(records, to: kbURL)
        let text = try Lexicon.load(from: dir)

        // When packed (twice) and loaded again
        try Lexicon.pack(directory: dir)
        try KnowledgeBase.pack(kbURL)
        let first = try [Lexicon.packedFileName, Lexicon.packedGivenNamesFileName, KnowledgeBase.packedFileName]
            .map { try Data(contentsOf: dir.appendingPathComponent($0)) }
        try Lexicon.pack(directory: dir)
        try KnowledgeBase.pack(kbURL)
        let second = try [Lexicon.packedFileName, Lexicon.packedGivenNamesFileName, KnowledgeBase.packedFileName]
            .map { try Data(contentsOf: dir.appendingPathComponent($0)) }
        #expect(first == second)
        let packed = try Lexicon.load(from: dir)
        let knowledge = try KnowledgeBase.load(from: kbURL)

        // Then every word, phrase, given name and name is found as before
        #expect(packed.count == text.count)
        for word in ["kyiv", "the", "amara", "olena", "nowhere"] {
            #expect(packed.entry(forLowercased: word) == text.entry(forLowercased: word), "\(word)")
        }
        let phrase = ["south", "china", "sea"].map(FeatureHash.string)
        #expect(packed.phrase(phrase[...]) == [.knownPlace])
        #expect(knowledge.lookup("U.N.", type: .organisation)?.key == "ORG:united-nations")
        #expect(knowledge.lookup("Izmayil", type: .place)?.country == "Ukraine")
        #expect(knowledge.lookup("Izmayil", type: .person) == nil)
    }

    @Test("a damaged, cut-short or stale packed file is refused with its name, never trusted")
    func damagedPackedFiles() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Lexicon.write(["kyiv": LexiconEntry(frequency: 8)], to: dir)
        let kbURL = dir.appendingPathComponent(KnowledgeBase.fileName)
        try KnowledgeBase.write([KnowledgeBase.Record(key: "LOC:kyiv", type: .place, name: "Kyiv", country: "Ukraine",
                                                      aliases: ["Kiev"])], to: kbURL)
        try Lexicon.pack(directory: dir)
        try KnowledgeBase.pack(kbURL)
        for name in [Lexicon.packedFileName, Lexicon.packedGivenNamesFileName, KnowledgeBase.packedFileName] {
            let url = dir.appendingPathComponent(name)
            let good = try Data(contentsOf: url)
            for bad in [good.prefix(good.count - 3), good.prefix(5), good + Data([0]), Data("garbage".utf8)] {
                try Data(bad).write(to: url)
                do {
                    _ = try name == KnowledgeBase.packedFileName ? nil : Lexicon.load(from: dir)
                    _ = try name == KnowledgeBase.packedFileName ? KnowledgeBase.load(from: kbURL) : nil
                    Issue.record("\(name) of \(bad.count) bytes was accepted")
                } catch let error as TaggerError {
                    #expect(error.description.contains(name) && !error.description.contains("\n"), "\(error)")
                }
            }
            try good.write(to: url)
        }
        // A text file edited after packing makes its packed file stale: refused, naming both
        try KnowledgeBase.write([KnowledgeBase.Record(key: "LOC:kyiv", type: .place, name: "Kyiv", country: "Ukraine",
                                                      aliases: ["Kiev", "Kyjiw"])], to: kbURL)
        #expect(throws: TaggerError.self) { try KnowledgeBase.load(from: kbURL) }
        try Lexicon.write(["kyiv": LexiconEntry(frequency: 9), "odesa": LexiconEntry(frequency: 5)], to: dir)
        do {
            _ = try Lexicon.load(from: dir)
            Issue.record("a stale lexicon.bin was accepted")
        } catch let error as TaggerError {
            #expect(error.description.contains("lexicon.bin") && error.description.contains("brief ner pack"))
        }
    }

    @Test("a model directory without files fails to load with a clear error")
    func missingModel() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: TaggerError.self) { try Tagger.load(from: dir) }
    }
}
