import BriefLibrary
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
        let makeRefresher: (@Sendable () throws -> FeedRefresher)? = refresher.map { refresher in { @Sendable in refresher } }
        try run(store: store, makeRefresher: makeRefresher, configPath: configPath)
    }

    /// Runs the reader like `run(store:refresher:configPath:)`, with a refresher that is made the first time
    /// `R` asks for one, on the refresh's own thread: so what it needs (the entity model, which tags what is
    /// fetched) can still be loading while the reader draws its first frame. When making it throws, `R` says
    /// why in the status bar and nothing is fetched or stored.
    ///
    /// `makeSync` makes the engine for the cache's sync account (nil without one): the reader then syncs in the
    /// background on start and every `sync_minutes`, and `R` syncs before it refreshes the feeds Brief fetches
    /// itself. The reader starts from the cache whatever the server does.
    public static func run(store: Store, makeRefresher: (@Sendable () throws -> FeedRefresher)?,
                           makeSync: (@Sendable () throws -> SyncEngine?)? = nil, configPath: String? = nil) throws {
        let (config, problems) = ConfigLoader.load(path: configPath ?? ConfigLoader.path())
        let terminal = try CursesTerminal.open()
        defer { terminal.close() }
        var effects = StoreEffects(store: store)
        effects.browse = { link in try terminal.suspended { try LinkOpener.open(link) } }
        effects.copy = { terminal.copyToClipboard($0) }
        var loop = ReaderLoop(terminal: terminal, perform: effects.perform)
        loop.config = config
        loop.configProblems = problems
        loop.readOnly = store.isReadOnly
        // A read-only cache is read, never refreshed or synced (both write).
        let sync = store.isReadOnly ? nil : makeSync.map(BackgroundSync.init(makeEngine:))
        if let makeRefresher, !store.isReadOnly {
            loop.background = refreshInBackground(makeRefresher, keepDays: config.keepDays, sync: sync)
        }
        let schedule = sync?.schedule(every: config.syncMinutes, posting: loop.inbox)
        defer { schedule?.cancel() }
        loop.run()
    }

    /// What the loop does with the feed refresh: runs it on a task of its own, making the refresher there
    /// first (after a sync with the account, when there is one), and posts its progress and outcome to the inbox.
    /// `keepDays` (config.toml's `keep_days`) prunes old read stories after each refresh. Other effects are left
    /// to the loop (false).
    static func refreshInBackground(_ makeRefresher: @escaping @Sendable () throws -> FeedRefresher,
                                    keepDays: Int? = nil,
                                    sync: BackgroundSync? = nil) -> (ReaderEffect, OperationInbox) -> Bool {
        { effect, inbox in
            guard case .refreshFeeds = effect else { return false }
            Task.detached {
                var synced = ""
                if let sync {
                    inbox.post(.refreshProgress("Syncing with the server…"))
                    if let message = await sync.sync() { synced = message + " · " }
                }
                var refresher: FeedRefresher
                do {
                    refresher = try makeRefresher()
                    if let keepDays { refresher.keepDays = keepDays }
                } catch {
                    inbox.post(.refreshFinished(synced + "Feeds not refreshed, nothing stored: \(error)"))
                    return
                }
                let report = await refresher.refreshAll(jobs: 4) { progress in
                    inbox.post(.refreshProgress("Refreshing feeds: \(progress.completed) of \(progress.total) done…"))
                }
                inbox.post(.refreshFinished(synced.isEmpty || report.feeds > 0
                                            ? synced + Reader.refreshFinishedMessage(report) : String(synced.dropLast(3))))
            }
            return true
        }
    }

    /// Throws the same `TerminalError` as `run` would, without starting the reader: call it before slow
    /// set-up work (such as importing the samples) so a script gets the error at once.
    public static func checkTerminal() throws {
        try CursesTerminal.check()
    }
}
