import Foundation
import Testing

/// `scripts/check-layers`, the mechanical form of the layer rules (README "Architecture"), run on this checkout.
@Suite("The layer rules: which target may import which")
struct LayerRulesTests {
    /// The package directory (this file is Tests/BriefLibraryTests/LayerRulesTests.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Runs the check on the package at `root`; its exit status and output.
    static func check(_ root: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = packageRoot.appendingPathComponent("scripts/check-layers")
        process.arguments = [root.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    @Test("Given this checkout, when its imports are checked, then every target keeps to its layer")
    func checkoutFollowsTheRules() throws {
        let result = try Self.check(Self.packageRoot)
        #expect(result.status == 0, "\(result.output)")
    }

    @Test("Given the feeds layer importing the store, when checked, then it fails naming the file and line")
    func wrongArrowIsNamed() throws {
        // Given a package whose BriefFeeds imports BriefStore on its second line, and a command importing the TUI
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("brief-layers-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let files = [
            "Sources/BriefFeeds/Fetch.swift": "import Foundation\n@testable import BriefStore\n",
            "Sources/BriefModel/Story.swift": "import BriefTagger\n",
            "Sources/brief/ListCommand.swift": "import ArgumentParser\nimport BriefTUI\n",
            "Sources/brief/Brief.swift": "import BriefTUI\n",
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        // When it is checked
        let result = try Self.check(root)
        // Then it fails with one line per wrong import, naming file, line and rule, and nothing else
        #expect(result.status == 1)
        #expect(result.output.split(separator: "\n") == [
            "Sources/BriefFeeds/Fetch.swift:2: BriefFeeds must not import BriefStore",
            "Sources/brief/ListCommand.swift:2: only Sources/brief/Brief.swift of brief may import BriefTUI",
        ])
    }
}
