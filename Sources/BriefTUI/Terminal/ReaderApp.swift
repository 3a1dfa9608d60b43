import BriefFeeds
import BriefStore

/// The interactive reader: `brief` with no subcommand.
public enum ReaderApp {
    /// Runs the reader on the cache until the user quits. Throws `TerminalError` (with a clear message)
    /// when stdin/stdout is not a terminal or TERM cannot address the cursor. The terminal is restored on
    /// every way out, including SIGTERM, SIGHUP and SIGINT.
    ///
    /// - Parameters:
    ///   - refresher: what `R` uses to refresh the feeds in the background; without one, `R` says to run
    ///     `brief fetch`.
    ///   - configPath: the config file (default: `ConfigLoader.path()`); problems show in the status bar.
    public static func run(store: Store, refresher: FeedRefresher? = nil, configPath: String? = nil) throws {
        let (config, problems) = ConfigLoader.load(path: configPath ?? ConfigLoader.path())
        let terminal = try CursesTerminal.open()
        defer { terminal.close() }
        let effects = StoreEffects(store: store)
        var loop = ReaderLoop(terminal: terminal, perform: effects.perform)
        loop.config = config
        loop.configProblems = problems
        if let refresher {
            loop.background = { effect, inbox in
                guard case .refreshFeeds = effect else { return false }
                Task.detached {
                    let report = await refresher.refreshAll(jobs: 4) { progress in
                        inbox.post(.refreshProgress("Refreshing feeds: \(progress.completed) of \(progress.total) done…"))
                    }
                    inbox.post(.refreshFinished(Reader.refreshFinishedMessage(report)))
                }
                return true
            }
        }
        loop.run()
    }

    /// Throws the same `TerminalError` as `run` would, without starting the reader: call it before slow
    /// set-up work (such as importing the samples) so a script gets the error at once.
    public static func checkTerminal() throws {
        try CursesTerminal.check()
    }
}
