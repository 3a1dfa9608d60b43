import ArgumentParser
import BriefModel
import Foundation

/// `brief opml import FILE`: subscribes to every feed in an OPML file; its folders become tags.
struct OPMLImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Subscribe to the feeds in an OPML file (folders become tags).",
        discussion: """
            Feeds already subscribed keep their address and gain the file's tags. Entries that are not http or \
            https addresses are named on stderr and skipped (exit status 1). Nothing is fetched.
            """)

    @OptionGroup var cache: CacheOptions

    @Argument(help: ArgumentHelp("The OPML file.", valueName: "file"))
    var file: String

    func run() throws {
        let document = try CommandFailure.wrapping("opml import") { () throws -> OPMLDocument in
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CommandFailure(message: "opml import: \(file): cannot read file")
            }
            do {
                return try OPMLDocument.parse(data)
            } catch {
                throw CommandFailure(message: "opml import: \(TerminalText.sanitize(file)): \(ErrorText.oneLine(error))")
            }
        }
        var added = 0, existing = 0, rejected: [String] = []
        try CommandFailure.wrapping("opml import") {
            let store = try cache.openWritableStore("opml import")
            for feed in document.feeds {
                guard let address = try? FeedAddress.validated(feed.url, command: "opml import") else {
                    rejected.append(feed.url)
                    continue
                }
                if try store.addFeed(url: address, title: feed.title, tags: feed.tags, keepingTitle: true) { added += 1 } else { existing += 1 }
            }
        }
        for url in rejected {
            Console.error("brief: opml import: \(file): not an http or https address: \(TerminalText.sanitize(ErrorText.oneLine(url)))")
        }
        Console.error("added \(added) feeds, \(existing) already subscribed, \(rejected.count) skipped")
        if !rejected.isEmpty { throw ExitCode(1) }
    }
}
