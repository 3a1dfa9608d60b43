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

    @Test("a model directory without files fails to load with a clear error")
    func missingModel() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: TaggerError.self) { try Tagger.load(from: dir) }
    }
}
