import BriefLibrary
import BriefModel
import BriefStore
import Foundation
import Synchronization
import Testing

@Suite("The import pipeline: walk, decode, parse, annotate, store")
struct ImporterTests {
    private func directory(_ files: [String: Data]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("brief-importer-\(UUID().uuidString)")
        for (path, bytes) in files {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try bytes.write(to: url)
        }
        return dir
    }

    private let story = Data("Envoys meet in Lisbon\n\nLISBON (Brief Wire) - Envoys met on Monday.\n".utf8)

    @Test("Good files are stored, bad ones reported with their reasons, hidden ones ignored, others skipped")
    func mixedDirectory() throws {
        // Given a directory with a story, a Markdown story, bad files, a hidden file and a picture
        let dir = try directory([
            "a.txt": story,
            "notes/b.markdown": Data("# Port reopens\n\nThe port reopened.\n".utf8),
            "bad.txt": Data([0x41, 0xC3, 0x28]),
            "blank.text": Data("  \n\n".utf8),
            ".draft.txt": Data("Draft\n\nNot ready.\n".utf8),
            "photo.jpg": Data([0xFF, 0xD8]),
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Store.inMemory()

        // When it is imported with a marking annotator
        let importer = Importer(store: store, annotate: { story in
            var story = story
            story.entities = [.init(key: "LOC:lisbon", name: "Lisbon", type: .place, mentions: 0)]
            return story
        })
        let report = try importer.importPaths([dir.path])

        // Then two stories are new, the bad files are named with reasons, the picture is skipped
        #expect(report.new.count == 2 && report.existing.isEmpty)
        #expect(report.failures == [
            ImportFailure(path: dir.path + "/bad.txt", reason: "invalid UTF-8 at byte 1"),
            ImportFailure(path: dir.path + "/blank.text", reason: "input is empty"),
        ])
        #expect(report.skipped == [dir.path + "/photo.jpg"])
        #expect(report.summary == "imported 2 new, 0 already present, 2 failed, 1 skipped (not .txt, .text, .md or .markdown)")
        // And the stories went through the annotator and keep their file as source
        let summaries = try store.summaries()
        #expect(Set(summaries.map(\.title)) == ["Envoys meet in Lisbon", "Port reopens"])
        #expect(summaries.allSatisfy { $0.topEntities == ["Lisbon"] })
        #expect(summaries.contains { $0.source == "a.txt" })
    }

    @Test("A feed file of thousands of items is prepared and stored a chunk at a time, each item once")
    func feedInChunks() throws {
        // Given a feed file of three chunks and a bit
        let count = FeedImportItem.chunkSize * 3 + 7
        var xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour Desk</title>"
        for k in 0..<count {
            xml += "<item><guid>harbour-\(k)</guid><title>Harbour report \(k)</title>"
                + "<description>The harbour master filed report \(k).</description></item>"
        }
        xml += "</channel></rss>"
        let dir = try directory(["harbour.xml": Data(xml.utf8)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Store.inMemory()
        // When it is imported, counting how far the stories annotated run ahead of those stored
        let annotated = Mutex(0), ahead = Mutex(0)
        let importer = Importer(store: store, annotate: { story in
            let n = annotated.withLock { $0 += 1; return $0 }
            let stored = (try? store.count()) ?? 0
            ahead.withLock { $0 = max($0, n - stored) }
            return story
        })
        let report = try importer.importPaths([dir.path])
        // Then every item is a new story with the feed's title as source, and no more than two chunks were ever
        // prepared and not yet stored: the one being stored and the one prepared meanwhile
        #expect(report.new.count == count && report.failures.isEmpty)
        #expect(try store.count() == count)
        #expect(try store.summaries().allSatisfy { $0.source == "Harbour Desk" })
        #expect(ahead.withLock { $0 } <= 2 * FeedImportItem.chunkSize)

        // When it is imported again, every item is found already present
        let again = try importer.importPaths([dir.path])
        #expect(again.new.isEmpty && again.existing.count == count)
    }

    @Test("Importing again finds everything already present, across small batches")
    func reimportAcrossBatches() throws {
        var files: [String: Data] = [:]
        for n in 0..<7 { files["s\(n).txt"] = Data("Story \(n)\n\nText of story \(n).\n".utf8) }
        let dir = try directory(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let importer = Importer(store: try Store.inMemory(), annotate: { $0 }, batchSize: 3)

        let first = try importer.importPaths([dir.path])
        let second = try importer.importPaths([dir.path])

        #expect(first.new.count == 7)
        #expect(second.new.isEmpty && Set(second.existing) == Set(first.new))
        #expect(try importer.store.count() == 7)
    }

    @Test("A missing path is a failure; a named file is imported whatever its extension")
    func namedPaths() throws {
        let dir = try directory(["story.eml": story])
        defer { try? FileManager.default.removeItem(at: dir) }
        let importer = Importer(store: try Store.inMemory(), annotate: { $0 })
        let report = try importer.importPaths([dir.path + "/story.eml", dir.path + "/gone.txt"])
        #expect(report.new.count == 1)
        #expect(report.failures == [ImportFailure(path: dir.path + "/gone.txt", reason: "no such file or directory")])
    }

    @Test("A missing entity model directory gives an untagging importer that says so")
    func missingModel() throws {
        let importer = try Importer(store: try Store.inMemory(),
                                    taggerModel: URL(fileURLWithPath: "/nonexistent/brief/ner"))
        #expect(importer.modelMissing)
    }

    @Test("A named pipe is refused as not a regular file instead of blocking the import")
    func namedPipeRefused() throws {
        let dir = try directory(["a.txt": story])
        defer { try? FileManager.default.removeItem(at: dir) }
        let pipe = dir.path + "/pipe.txt"
        #expect(mkfifo(pipe, 0o644) == 0)
        let report = try Importer(store: try Store.inMemory(), annotate: { $0 }).importPaths([dir.path])
        #expect(report.new.count == 1)
        #expect(report.failures == [ImportFailure(path: pipe, reason: "not a regular file")])
    }
}
