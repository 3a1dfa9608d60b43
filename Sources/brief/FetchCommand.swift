import ArgumentParser
import BriefLibrary
import BriefModel
import BriefStore
import Foundation

/// `brief fetch [--jobs N]`: fetches every subscribed feed and stores the new stories.
struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch every subscribed feed and store the new stories.",
        discussion: """
            Feeds are fetched concurrently with conditional GET (an unchanged feed costs a 304), following \
            redirects (a permanent one updates the stored address), with timeouts and a 10 MB cap. A feed that \
            fails is named on stderr with its reason, keeps its stories, and records the reason (see \
            'brief feed list'); the others are fetched anyway and the exit status is 1. On a terminal, stderr shows \
            one progress line; the summary line goes to stderr, ending with what a feed's reading needs you to know \
            ('; URL: no items', '; URL: read as windows-1252 (guessed)', '; URL: recovered 3 items from a \
            malformed feed (…)').
            """)

    @OptionGroup var cache: CacheOptions

    @Option(help: ArgumentHelp("Feeds fetched at once.", valueName: "n"))
    var jobs = 4

    func validate() throws {
        if jobs < 1 || jobs > 64 { throw ValidationError("--jobs must be between 1 and 64") }
    }

    func run() async throws {
        let refresher = try CommandFailure.wrapping("fetch") {
            let store = try cache.openWritableStore("fetch")
            return FeedRefresher(store: store, annotate: try Importer.bundled(store: store).annotate)
        }
        if try CommandFailure.wrapping("fetch", { try refresher.store.feeds().isEmpty }) {
            Console.error("no feeds to fetch: add one with 'brief feed add URL' or 'brief opml import FILE'")
            return
        }
        let line = FetchProgressLine(enabled: isatty(STDERR_FILENO) == 1)
        let report = await refresher.refreshAll(jobs: jobs, progress: line.show)
        line.clear()
        for failure in report.failed { Console.error("brief: fetch: \(TerminalText.sanitize(ErrorText.oneLine(failure)))") }
        Console.error(report.summary)
        if !report.failed.isEmpty { throw ExitCode(1) }
    }
}
