import Foundation
import Testing

/// `brief tag` on hostile and oversized input: escape sequences are data, never names; offsets stay those of
/// the input as read; a huge input is refused with one line instead of eating the machine's memory.
@Suite("brief tag on hostile input")
struct TagHostileInputTests {
    @Test("An OSC 52 payload is never tagged, and the names around escape sequences keep their input offsets")
    func escapePayloadIsNotAName() async throws {
        // Given text whose escape sequences carry words that look like names
        let esc = "\u{1B}", bel = "\u{07}"
        let text = "Foreign Minister Amara Ndiaye\(esc)]52;c;Kofi Mensah Accra\(bel) arrived in Geneva "
            + "\(esc)[2Jon Monday. Ndiaye met \u{202E}envoys of the United Nations."
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("hostile.txt")
        try Data(text.utf8).write(to: file)

        // When it is tagged
        let result = try await BriefProcess.run(["tag", file.path])

        // Then no mention comes from inside a sequence, and every mention is the input's own scalars
        #expect(result.status == 0, "\(result.stderr)")
        let scalars = Array(text.unicodeScalars)
        var names: [String] = []
        for line in result.stdout.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let start = try #require(object["start"] as? Int), end = try #require(object["end"] as? Int)
            let name = try #require(object["text"] as? String)
            #expect(String(String.UnicodeScalarView(scalars[start..<end])) == name)
            names.append(name)
        }
        #expect(names.contains("Amara Ndiaye"))
        #expect(names.contains("Geneva"))
        #expect(!names.contains { $0.contains("Kofi") || $0.contains("Accra") || $0.contains("52") },
                "tagged inside an escape sequence: \(names)")
    }

    @Test("An input over the size limit is refused with one line and a non-zero exit")
    func hugeInputIsRefused() async throws {
        // Given a 49 MiB plain-text file (a file, not a pipe: the refusal stops reading early)
        let chunk = Data(String(repeating: "Envoys met in Geneva on Monday. ", count: 32 * 1024).utf8)
        var big = Data()
        while big.count <= 49 << 20 { big.append(chunk) }
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("big.txt")
        try big.write(to: file)

        // When it is tagged
        let result = try await BriefProcess.run(["tag", file.path])

        // Then it is refused, saying why, without output
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 && result.stderr.contains("limit"), "\(result.stderr)")
    }
}
