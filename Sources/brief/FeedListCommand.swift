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
            Plain output: the feeds in no folder first, one line each: address, item count, title, then the last \
            fetch (`fetched YYYY-MM-DD`, `never fetched`) or `error: <why the last fetch failed>`; then each folder \
            by name as a line `NAME/` followed by its feeds' lines indented by two spaces (a feed in two folders is \
            under both). With a sync account, its server's feeds end in `synced by the server (name and folder             here are local)`: the sync protocols have no call to rename a feed or move it to another folder. JSON:             an array of {url, title, tags, lastFetched, lastError, items}; tags are the folders.
            """)

    @OptionGroup var cache: CacheOptions

    @Flag(help: "Print one JSON document.")
    var json = false

    func run() throws {
        let (feeds, serverFeeds) = try CommandFailure.wrapping("feed list") {
            let store = try cache.openStore()
            return (try store.feeds(), Set(try store.serverFeeds().values))
        }
        if json {
            try CommandFailure.wrapping("feed list") { try JSONOutput.write(feeds.map(FeedListEntry.init)) }
            return
        }
        let day = DateFormatter.listDay
        func line(_ feed: StoredFeed) -> String {
            var line = "\(TerminalText.sanitize(feed.url))\t\(feed.items) items"
            if let title = feed.title { line += "\t\(TerminalText.sanitize(title))" }
            if let error = feed.lastError {
                line += "\terror: \(TerminalText.sanitize(error))"
            } else {
                line += "\t" + (feed.lastFetched.map { "fetched \(day.string(from: $0))" } ?? "never fetched")
            }
            if serverFeeds.contains(feed.url) { line += "\tsynced by the server (name and folder here are local)" }
            return line
        }
        var lines = feeds.filter(\.tags.isEmpty).map(line)
        for folder in Set(feeds.flatMap(\.tags)).sorted() {
            lines.append(TerminalText.sanitize(folder) + "/")
            lines += feeds.filter { $0.tags.contains(folder) }.map { "  " + line($0) }
        }
        if !lines.isEmpty { Console.output(lines.joined(separator: "\n")) }
    }
}
