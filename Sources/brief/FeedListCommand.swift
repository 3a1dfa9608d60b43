import ArgumentParser
import BriefModel
import BriefStore
import Foundation

/// `brief feed list [--json]`: the subscriptions with their state.
struct FeedListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List feed subscriptions.",
        discussion: """
            Plain output: one line per feed: address, item count, title, then `[tag, …]`, then the last fetch \
            (`fetched YYYY-MM-DD`, `never fetched`) or `error: <why the last fetch failed>`. \
            JSON: an array of {url, title, tags, lastFetched, lastError, items}.
            """)

    @OptionGroup var cache: CacheOptions

    @Flag(help: "Print one JSON document.")
    var json = false

    func run() throws {
        let feeds = try CommandFailure.wrapping("feed list") { try cache.openStore().feeds() }
        if json {
            try CommandFailure.wrapping("feed list") { try JSONOutput.write(feeds.map(FeedListEntry.init)) }
            return
        }
        let day = DateFormatter.listDay
        let lines = feeds.map { feed in
            var line = "\(TerminalText.sanitize(feed.url))\t\(feed.items) items"
            if let title = feed.title { line += "\t\(TerminalText.sanitize(title))" }
            if !feed.tags.isEmpty { line += "\t[" + feed.tags.map { TerminalText.sanitize($0) }.joined(separator: ", ") + "]" }
            if let error = feed.lastError {
                line += "\terror: \(TerminalText.sanitize(error))"
            } else {
                line += "\t" + (feed.lastFetched.map { "fetched \(day.string(from: $0))" } ?? "never fetched")
            }
            return line
        }
        if !lines.isEmpty { Console.output(lines.joined(separator: "\n")) }
    }
}
