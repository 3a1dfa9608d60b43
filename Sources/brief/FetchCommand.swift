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
            malformed feed (…)'). With keep_days in config.toml, read and unstarred stories older than that are \
            pruned after the fetch (as 'brief prune' does), and the summary says how many; stories pruned while \
            their feed still carries them are not fetched again.
            """)

    @OptionGroup var cache: CacheOptions

    @Option(help: ArgumentHelp("Feeds fetched at once.", valueName: "n"))
    var jobs = 4

    func validate() throws {
        if jobs < 1 || jobs > 64 { throw ValidationError("--jobs must be between 1 and 64") }
    }

    func run() async throws {
        let (keepDays, problem) = Brief.keepDays()
        let refresher = try CommandFailure.wrapping("fetch") {
            let store = try cache.openWritableStore("fetch")
            return FeedRefresher(store: store, keepDays: keepDays, annotate: try Importer.bundled(store: store).annotate)
        }
        // A keep_days that is not a number of days is said once; the fetch goes on and prunes nothing.
        if let problem { Console.error("brief: fetch: \(TerminalText.sanitize(ErrorText.oneLine(problem))); nothing pruned") }
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
