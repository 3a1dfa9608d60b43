import ArgumentParser
import BriefLibrary
import BriefResources
import BriefStore
import Foundation

/// `brief import PATH… | --samples`: stores article text and Markdown files, directories recursively.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import article text, Markdown and feed files (directories recursively).",
        discussion: """
            Directories are walked recursively, skipping hidden names; files ending .txt, .text, .md or .markdown \
            (or with no extension) are imported, and feed files (RSS, Atom or JSON Feed, by their content or an \
            .xml, .rss, .atom or .json name) give one story per item; others are skipped and counted. An item \
            already stored from any feed is not stored twice. Each file that cannot be imported \
            is named on stderr with its reason and the exit status is 1; the good files are imported anyway. \
            Content already in the cache is left as it is (read state included). The summary line goes to stderr, \
            ending with what a feed file's reading needs you to know ('; FILE: no items', '; FILE: read as \
            windows-1252 (guessed)', '; FILE: recovered 3 items from a malformed feed (…)').
            """)

    @OptionGroup var cache: CacheOptions

    @Argument(help: ArgumentHelp("Files or directories to import.", valueName: "path"))
    var paths: [String] = []

    @Flag(help: "Import the bundled sample briefings.")
    var samples = false

    func validate() throws {
        if paths.isEmpty && !samples { throw ValidationError("nothing to import: give a PATH or --samples") }
    }

    func run() throws {
        let report = try CommandFailure.wrapping("import") {
            let store = try cache.openWritableStore("import")
            let importer = try Importer.bundled(store: store)
            var report = ImportReport()
            if samples {
                let samplesDirectory = try BriefResources.locateRoot().appendingPathComponent("samples").path
                report = try importer.importPaths([samplesDirectory], sourceName: SampleSource.name)
            }
            if !paths.isEmpty {
                report.append(try importer.importPaths(paths))
            }
            return report
        }
        for failure in report.failures { Console.error("brief: import: \(failure)") }
        Console.error(report.summary)
        if !report.failures.isEmpty { throw ExitCode(1) }
    }
}
