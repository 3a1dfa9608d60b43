import Foundation
import Testing

/// `brief import` on feed files in the forms issue 14 adds: older and namespace-less Atom, undeclared legacy
/// encodings, malformed XML with complete items, and items with nothing to read.
@Suite("brief import: forgiving feed reading")
struct CLIFeedFormsImportTests {
    static let atom03 = """
    <?xml version="1.0" encoding="utf-8"?>
    <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old Atom Desk</title>
    <entry><title>Envoys return home</title><link rel="alternate" type="text/html" href="https://old.example/envoys"/>
    <id>tag:old.example,2025:envoys</id><issued>2025-06-03T12:05:00Z</issued>
    <content type="text/html" mode="escaped">&lt;p&gt;The envoys flew back on Friday.&lt;/p&gt;</content></entry>
    </feed>
    """

    static let bareAtom = """
    <feed><title>Bare Desk</title><entry><id>urn:bare:1</id><title>Port strike ends</title>
    <link href="https://bare.example/strike"/><content type="html">&lt;p&gt;Dockers went back to work.&lt;/p&gt;</content>
    </entry></feed>
    """

    static let cutShort = """
    <rss version="2.0"><channel><title>Cut Desk</title>
    <item><title>Talks resume in Oslo</title><link>https://cut.example/1</link><description>Both sides came.</description></item>
    <item><title>Second round plan
    """

    static let hollow = "<rss version=\"2.0\"><channel><title>Hollow</title><item></item><item> </item></channel></rss>"

    @Test("Atom 0.3, Atom without namespace, undeclared windows-1252 and a cut-short feed all import their items")
    func forgivingImport() async throws {
        // Given four feed files in forms Brief used to refuse or misread
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("brief.sqlite").path
        var cp1252 = Data("<rss><channel><title>Latin Desk</title><item><title>".utf8)
        cp1252.append(contentsOf: [0x93] + Array("Caf".utf8) + [0xE9, 0x94] + Array(" diplomacy".utf8))
        cp1252.append(contentsOf: "</title><link>https://latin.example/1</link></item></channel></rss>".utf8)
        try CLIFixtures.write([
            "old.xml": Data(Self.atom03.utf8), "bare.atom": Data(Self.bareAtom.utf8), "latin.rss": cp1252,
            "cut.xml": Data(Self.cutShort.utf8),
        ], in: dir.appendingPathComponent("in"))
        // When they are imported
        let result = try await BriefProcess.run(["import", "--db", db, dir.appendingPathComponent("in").path])
        // Then every complete item is a story, with exit 0
        #expect(result.status == 0)
        #expect(result.stderr.contains("imported 4 new, 0 already present, 0 failed"))
        let list = try await #require(try CLIFixtures.json(BriefProcess.run(["list", "--json", "--db", db]).stdout)
            as? [[String: Any]])
        #expect(Set(list.compactMap { $0["title"] as? String })
            == ["Envoys return home", "Port strike ends", "“Café” diplomacy", "Talks resume in Oslo"])
        let envoys = try #require(list.first { $0["title"] as? String == "Envoys return home" }?["id"] as? Int)
        #expect(try await BriefProcess.run(["show", String(envoys), "--db", db]).stdout.contains("The envoys flew back on Friday."))
    }

    @Test("A feed whose items hold nothing readable fails with one line saying why, exit 1")
    func hollowItems() async throws {
        // Given a feed of empty items
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("brief.sqlite").path
        let file = dir.appendingPathComponent("hollow.xml")
        try Data(Self.hollow.utf8).write(to: file)
        // When it is imported
        let result = try await BriefProcess.run(["import", "--db", db, file.path])
        // Then it is one failure line naming the reason
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains("brief: import: \(file.path): not a readable feed: 2 items, none readable: "
            + "every item is empty (no title, link or text)"))
        #expect(lines.contains("imported 0 new, 0 already present, 1 failed"))
    }
}
