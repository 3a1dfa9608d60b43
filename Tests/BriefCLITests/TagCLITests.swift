import Foundation
import Testing

/// `brief tag [FILE]` and `brief tag --conll FILE`, run through the built binary with the bundled model.
/// Every fixture is our own invented foreign-affairs text.
@Suite("brief tag")
struct TagCLITests {
    /// One JSON line of `brief tag`, with its keys checked separately.
    struct TaggedMention: Decodable, Equatable {
        var start: Int
        var end: Int
        var type: String
        var text: String
        var entity: String
    }

    static let ministerText = "Foreign Minister Amara Ndiaye arrived in Geneva on Monday for talks with the United Nations. "
        + "Ndiaye said the talks would continue in Nairobi."

    /// Parses stdout as JSON lines, requiring exactly the documented keys on every line.
    private func mentions(_ stdout: String) async throws -> [TaggedMention] {
        let lines = stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "", "output ends with a line break")
        return try lines.dropLast().map { line in
            let object = try #require(try CLIFixtures.json(String(line)) as? [String: Any], "a JSON object: \(line)")
            #expect(Set(object.keys) == ["start", "end", "type", "text", "entity"], "keys of \(line)")
            return try JSONDecoder().decode(TaggedMention.self, from: Data(line.utf8))
        }
    }

    private func writeInput(_ bytes: Data, named name: String = "input.txt") async throws -> (dir: URL, path: String) {
        let dir = try BriefProcess.temporaryDirectory()
        let url = dir.appendingPathComponent(name)
        try bytes.write(to: url)
        return (dir, url.path)
    }

    /// `text`'s Unicode scalars `start..<end`, as a string.
    private func scalars(_ text: String, _ start: Int, _ end: Int) -> String? {
        let all = Array(text.unicodeScalars)
        guard start >= 0, start <= end, end <= all.count else { return nil }
        return String(String.UnicodeScalarView(all[start..<end]))
    }

    @Test("Given a file, tag prints one JSON line per mention with scalar offsets, known types and linked keys")
    func tagsAFile() async throws {
        // Given a short report naming a minister with a title, a city and an organisation
        let (dir, path) = try await writeInput(Data(Self.ministerText.utf8))
        defer { try? FileManager.default.removeItem(at: dir) }

        // When it is tagged
        let result = try await BriefProcess.run(["tag", path])

        // Then each line is a mention whose text is exactly the input's scalars start..<end
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        let found = try await mentions(result.stdout)
        for m in found {
            #expect(scalars(Self.ministerText, m.start, m.end) == m.text, "\(m)")
            #expect(["PER", "ORG", "LOC", "MISC"].contains(m.type))
            #expect(m.entity.hasPrefix(m.type + ":"), "the key names the type: \(m.entity)")
        }
        // And the title stays outside the person's span, and the surname alone links to the full name
        let people = found.filter { $0.type == "PER" }
        #expect(people.map(\.text) == ["Amara Ndiaye", "Ndiaye"])
        #expect(Set(people.map(\.entity)).count == 1)
        #expect(found.contains { $0.text == "Geneva" && $0.type == "LOC" })
        #expect(found.contains { $0.text == "United Nations" && $0.type == "ORG" })
        // And mentions come in reading order
        #expect(found.map(\.start) == found.map(\.start).sorted())
    }

    @Test("Given the same text on standard input, tag prints the same lines as for the file")
    func tagsStandardInput() async throws {
        let (dir, path) = try await writeInput(Data(Self.ministerText.utf8))
        defer { try? FileManager.default.removeItem(at: dir) }

        let fromFile = try await BriefProcess.run(["tag", path])
        let fromStdin = try await BriefProcess.run(["tag"], stdin: Data(Self.ministerText.utf8))

        #expect(fromStdin.status == 0 && fromStdin.stderr.isEmpty, "\(fromStdin.stderr)")
        #expect(!fromStdin.stdout.isEmpty)
        #expect(fromStdin.stdout == fromFile.stdout)
    }

    @Test("A pipe given as the file (/dev/stdin) and `-` read standard input like no file at all")
    func pipesAndDash() async throws {
        let input = Data(Self.ministerText.utf8)

        let plain = try await BriefProcess.run(["tag"], stdin: input)
        let dash = try await BriefProcess.run(["tag", "-"], stdin: input)
        let devStdin = try await BriefProcess.run(["tag", "/dev/stdin"], stdin: input)

        #expect(!plain.stdout.isEmpty)
        #expect(dash.status == 0 && dash.stdout == plain.stdout, "\(dash.stderr)")
        #expect(devStdin.status == 0 && devStdin.stdout == plain.stdout, "\(devStdin.stderr)")
    }

    @Test("A directory given as the file is a one-line error saying so")
    func directoryAsFile() async throws {
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }

        let result = try await BriefProcess.run(["tag", dir.path])

        #expect(result.status != 0)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains(dir.path) && result.stderr.contains("directory"), "\(result.stderr)")
    }

    @Test("Offsets count Unicode scalars past curly quotes, emoji, combining marks and CJK before the names")
    func offsetsAreScalars() async throws {
        // Given names preceded by multi-byte and multi-scalar text (a flag is two scalars, é here is e + U+0301)
        let text = "“Cafe\u{301} talks” 🇸🇳👩🏽‍💼 東京の会議 — Foreign Minister Amara Ndiaye met President Joao Lourenco in Luanda.\n"
            + "Later, Ndiaye flew to Berlin."

        let result = try await BriefProcess.run(["tag"], stdin: Data(text.utf8))

        #expect(result.status == 0, "\(result.stderr)")
        let found = try await mentions(result.stdout)
        #expect(!found.isEmpty)
        for m in found {
            #expect(scalars(text, m.start, m.end) == m.text, "\(m)")
        }
        let ndiaye = try #require(found.first { $0.text == "Amara Ndiaye" })
        #expect(found.contains { $0.text == "Ndiaye" && $0.entity == ndiaye.entity })
        #expect(found.contains { $0.text == "Berlin" && $0.type == "LOC" })
    }

    @Test("Empty input and input without letters print nothing and succeed")
    func emptyAndLetterless() async throws {
        for input in ["", "\n\n", "12345 ... !!! 42% -- 3.14\n", "🙂🙂 ★ ✓\n"] {
            let result = try await BriefProcess.run(["tag"], stdin: Data(input.utf8))
            #expect(result.status == 0, "\(input.debugDescription): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(input.debugDescription)")
            #expect(result.stderr.isEmpty, "\(input.debugDescription)")
        }
    }

    @Test("A 10,000-character token is tagged without failing and keeps offsets right for the names after it")
    func hugeToken() async throws {
        let text = String(repeating: "Ab", count: 5_000) + " Foreign Minister Amara Ndiaye arrived in Geneva."

        let result = try await BriefProcess.run(["tag"], stdin: Data(text.utf8))

        #expect(result.status == 0, "\(result.stderr)")
        for m in try await mentions(result.stdout) {
            #expect(scalars(text, m.start, m.end) == m.text, "\(m.start)..<\(m.end) \(m.type)")
        }
    }

    @Test("Invalid UTF-8 is a one-line error naming the source and line, with a non-zero exit")
    func invalidUTF8() async throws {
        var bytes = Data("Amara Ndiaye arrived in Geneva.\nThen ".utf8)
        bytes.append(contentsOf: [0xC3, 0x28, 0xFF])
        bytes.append(Data(" she left.\n".utf8))
        let (dir, path) = try await writeInput(bytes, named: "broken.txt")
        defer { try? FileManager.default.removeItem(at: dir) }

        let fromFile = try await BriefProcess.run(["tag", path])
        let fromStdin = try await BriefProcess.run(["tag"], stdin: bytes)

        #expect(fromFile.status != 0)
        #expect(fromFile.stdout.isEmpty)
        #expect(fromFile.stderr.split(separator: "\n").count == 1, "\(fromFile.stderr)")
        #expect(fromFile.stderr.contains("\(path):2"), "\(fromFile.stderr)")
        #expect(fromFile.stderr.contains("UTF-8"))
        #expect(fromStdin.status != 0)
        #expect(fromStdin.stderr.split(separator: "\n").count == 1, "\(fromStdin.stderr)")
        #expect(fromStdin.stderr.contains("standard input:2"), "\(fromStdin.stderr)")
    }

    @Test("A missing file is a one-line error naming it, with a non-zero exit")
    func missingFile() async throws {
        let path = NSTemporaryDirectory() + "brief-no-such-\(UUID().uuidString).txt"

        let result = try await BriefProcess.run(["tag", path])

        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains(path))
    }

    // MARK: - Import

    @Test("Importing an article tags it: show --json has mentions in paragraphs and entities that agree with them")
    func importedStoryMentionsAgreeWithEntities() async throws {
        // Given a small article naming a minister, places and an organisation across paragraphs
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let article = """
            Envoys meet in Geneva over grain corridor

            GENEVA (Brief Wire) - Foreign Minister Amara Ndiaye arrived in Geneva on Monday for talks with the \
            United Nations.

            Ndiaye told reporters the talks would move to Nairobi next week.

            Officials from the European Union said Ndiaye had their support.
            """
        let file = dir.appendingPathComponent("envoys.txt")
        try Data(article.utf8).write(to: file)
        let db = dir.appendingPathComponent("brief.sqlite").path

        // When it is imported and shown as JSON
        let imported = try await BriefProcess.run(["import", "--db", db, file.path])
        try #require(imported.status == 0, "import failed: \(imported.stderr)")
        let shown = try await BriefProcess.run(["show", "1", "--json", "--db", db])
        try #require(shown.status == 0, "show failed: \(shown.stderr)")
        let story = try #require(try CLIFixtures.json(shown.stdout) as? [String: Any])

        // Then each mention's offsets pick its text out of its paragraph, and its key is a listed entity
        let sections = try #require(story["sections"] as? [[String: Any]])
        var counted: [String: Int] = [:]
        var people: [String] = []
        for section in sections {
            for paragraph in try #require(section["paragraphs"] as? [[String: Any]]) {
                let text = try #require(paragraph["text"] as? String)
                for mention in try #require(paragraph["mentions"] as? [[String: Any]]) {
                    let start = try #require(mention["start"] as? Int), end = try #require(mention["end"] as? Int)
                    let surface = try #require(mention["text"] as? String)
                    #expect(scalars(text, start, end) == surface, "\(mention) in \(text)")
                    let key = try #require(mention["entity"] as? String)
                    counted[key, default: 0] += 1
                    if mention["type"] as? String == "PER" { people.append(key) }
                }
            }
        }
        let entities = try #require(story["entities"] as? [[String: Any]])
        var listed: [String: Int] = [:]
        for entity in entities {
            let key = try #require(entity["key"] as? String)
            #expect(listed[key] == nil, "\(key) listed once")
            listed[key] = entity["mentions"] as? Int
            #expect(key.hasPrefix((entity["type"] as? String ?? "?") + ":"))
        }
        #expect(listed == counted)
        // And the minister is one entity with a mention in each paragraph that names her
        #expect(counted["PER:amara-ndiaye"] == 3, "\(counted)")
        #expect(Set(people) == ["PER:amara-ndiaye"])
    }

    // MARK: - CoNLL

    @Test("tag --conll writes every line back with a valid BIO tag appended, document and blank lines unchanged")
    func conllRoundTrip() async throws {
        // Given a fixture with tokens and a gold column, documents and sentence breaks
        let (dir, path) = try await writeInput(Data(NERCLITests.fixture.utf8), named: "fixture.conll")
        defer { try? FileManager.default.removeItem(at: dir) }

        // When it is tagged in CoNLL mode
        let result = try await BriefProcess.run(["tag", "--conll", path])

        // Then the output has one line per input line, each the input line plus one tag column
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        let input = NERCLITests.fixture.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var output = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(output.last == "")
        output.removeLast()
        let inputLines = input.last == "" ? Array(input.dropLast()) : input
        try #require(output.count == inputLines.count, "line counts \(output.count) vs \(inputLines.count)")
        var previous = "O"
        var goldMatches = 0, tokens = 0
        for (given, written) in zip(inputLines, output) {
            if given.isEmpty || given.hasPrefix("-DOCSTART-") {
                #expect(written == given)
                previous = "O"
                continue
            }
            #expect(written.hasPrefix(given + " "), "\(written)")
            let tag = String(written.dropFirst(given.count + 1))
            #expect(Self.isValid(tag, after: previous), "\(previous) then \(tag) on \(written)")
            if given.split(separator: " ").last.map(String.init) == tag { goldMatches += 1 }
            tokens += 1
            previous = tag
        }
        // And the model agrees with our gold tags on most tokens of this very clear fixture
        #expect(goldMatches * 10 >= tokens * 9, "\(goldMatches) of \(tokens) tokens agree with gold")
    }

    @Test("tag --conll on an input of several parts (tagged side by side) writes every line back in input order")
    func conllSeveralPartsInOrder() async throws {
        // Given numbered bulletins, each our fixture's documents after a numbered heading, past two parts' worth
        let body = NERCLITests.fixture.replacingOccurrences(of: "-DOCSTART- O\n\n", with: "")
        var bulletins: [String] = []
        var size = 0
        while size < 5 << 19 {
            bulletins.append("-DOCSTART- O\n\nBulletin O\n\(bulletins.count) O\n\n" + body + (body.hasSuffix("\n") ? "\n" : "\n\n"))
            size += bulletins[bulletins.count - 1].utf8.count
        }
        let text = bulletins.joined()
        let (dir, path) = try await writeInput(Data(text.utf8), named: "bulletins.conll")
        defer { try? FileManager.default.removeItem(at: dir) }

        // When it is tagged
        let result = try await BriefProcess.run(["tag", "--conll", path])

        // Then every input line comes back in its place with one tag appended
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        let input = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let output = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        try #require(output.count == input.count, "line counts \(output.count) vs \(input.count)")
        var tagsPerBulletin: [[Substring]] = []
        for (given, written) in zip(input, output) {
            if given.isEmpty || given.hasPrefix("-DOCSTART-") {
                #expect(written == given)
                if given.hasPrefix("-DOCSTART-") { tagsPerBulletin.append([]) }
                continue
            }
            #expect(written.hasPrefix(given + " "), "\(written) for \(given)")
            tagsPerBulletin[tagsPerBulletin.count - 1].append(written.dropFirst(given.count + 1))
        }
        try #require(tagsPerBulletin.count == bulletins.count, "\(tagsPerBulletin.count) of \(bulletins.count) bulletins")
        // And the first, a middle and the last bulletin are tagged as each is alone, wherever it fell among the parts
        for index in [0, bulletins.count / 2, bulletins.count - 1] {
            let alone = try await BriefProcess.run(["tag", "--conll"], stdin: Data(bulletins[index].utf8))
            let tags = alone.stdout.split(separator: "\n").filter { !$0.hasPrefix("-DOCSTART-") }
                .map { $0.split(separator: " ").last ?? "" }
            #expect(alone.status == 0 && !tags.isEmpty, "\(alone.stderr)")
            #expect(tagsPerBulletin[index] == tags, "bulletin \(index)")
        }
    }

    @Test("tag --conll on a malformed line is a one-line error naming file and line")
    func conllMalformedLine() async throws {
        let text = "-DOCSTART- O\n\nAmara B-PER\nNdiaye I-PER\n   arrived O\n"
        let (dir, path) = try await writeInput(Data(text.utf8), named: "bad.conll")
        defer { try? FileManager.default.removeItem(at: dir) }

        let result = try await BriefProcess.run(["tag", "--conll", path])

        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("\(path):5"), "\(result.stderr)")
    }

    @Test("tag --conll on invalid UTF-8 names file and line; on empty input prints nothing")
    func conllInvalidAndEmpty() async throws {
        var bytes = Data("-DOCSTART- O\n\nAmara B-PER\n".utf8)
        bytes.append(contentsOf: [0x4E, 0xFF, 0x20, 0x4F, 0x0A])
        let (dir, path) = try await writeInput(bytes, named: "bad.conll")
        defer { try? FileManager.default.removeItem(at: dir) }

        let invalid = try await BriefProcess.run(["tag", "--conll", path])
        let empty = try await BriefProcess.run(["tag", "--conll"], stdin: Data())

        #expect(invalid.status != 0)
        #expect(invalid.stderr.split(separator: "\n").count == 1, "\(invalid.stderr)")
        #expect(invalid.stderr.contains("\(path):4"), "\(invalid.stderr)")
        #expect(empty.status == 0, "\(empty.stderr)")
        #expect(empty.stdout.isEmpty && empty.stderr.isEmpty)
    }

    /// Whether `tag` may follow `previous` in BIO: an I- continues a B- or I- of the same type.
    static func isValid(_ tag: String, after previous: String) -> Bool {
        let types = ["PER", "ORG", "LOC", "MISC"]
        if tag == "O" { return true }
        let parts = tag.split(separator: "-", maxSplits: 1).map(String.init)
        guard parts.count == 2, types.contains(parts[1]) else { return false }
        if parts[0] == "B" { return true }
        guard parts[0] == "I" else { return false }
        return previous == "B-" + parts[1] || previous == "I-" + parts[1]
    }
}
