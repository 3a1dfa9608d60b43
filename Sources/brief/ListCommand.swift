import ArgumentParser
import BriefModel
import BriefStore
import Foundation

/// `brief list [--unread] [--starred] [--feed URL | --folder NAME] [--json]`: the stories, newest first.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List stories, newest first.",
        discussion: """
            Plain output: one line per story: `*` for unread (space for read), id, date (YYYY-MM-DD, or `undated`), \
            title, and `★` after the title for a starred story. JSON: an array of {id, title, source, published, \
            imported, read, topEntities, starred}.
            """)

    @OptionGroup var cache: CacheOptions

    @Flag(help: "Only unread stories.")
    var unread = false

    @Flag(help: "Only starred stories.")
    var starred = false

    @Option(help: ArgumentHelp("Only the stories this feed delivered (its address, as 'brief feed list' shows it).",
                               valueName: "url"))
    var feed: String?

    @Option(help: ArgumentHelp("Only the stories of the feeds in this folder.", valueName: "name"))
    var folder: String?

    @Flag(help: "Print one JSON document.")
    var json = false

    func validate() throws {
        if feed != nil && folder != nil { throw ValidationError("give --feed or --folder, not both") }
    }

    func run() throws {
        let summaries = try CommandFailure.wrapping("list") {
            let store = try cache.openExistingStore("list")
            if let feed, try !store.knowsFeed(feed) {
                throw CommandFailure(message: "list: no feed \(TerminalText.sanitize(feed)) (see 'brief feed list')")
            }
            if let folder, try !store.folders().contains(folder) {
                throw CommandFailure(message: "list: no folder \(TerminalText.sanitize(folder)) (see 'brief feed list')")
            }
            return try store.summaries(StoryFilter(unreadOnly: unread, starredOnly: starred, feed: feed, folder: folder))
        }
        if json {
            try CommandFailure.wrapping("list") { try JSONOutput.write(summaries.map(StoryListEntry.init)) }
            return
        }
        let day = DateFormatter.listDay
        let lines = summaries.map { summary in
            let marker = summary.isRead ? " " : "*"
            let date = summary.published.map(day.string(from:)) ?? "undated   "
            let star = summary.isStarred ? " ★" : ""
            return "\(marker) \(summary.id)\t\(date)  \(TerminalText.sanitize(summary.title))\(star)"
        }
        if !lines.isEmpty { Console.output(lines.joined(separator: "\n")) }
    }
}

extension DateFormatter {
    /// `2026-11-02`, in UTC so the list agrees with the JSON.
    static var listDay: DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter
    }
}
