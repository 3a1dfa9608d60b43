import ArgumentParser
import BriefLibrary
import BriefResources
import BriefStore
import BriefTUI
import Foundation

/// `brief`: with no subcommand, the reader (importing the bundled samples into an empty cache first).
@main
struct Brief: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "A terminal reader for foreign-affairs briefings.",
        discussion: "With no subcommand, opens the reader (importing the bundled sample briefings when the cache is empty).",
        subcommands: [ImportCommand.self, ListCommand.self, ShowCommand.self, OpenCommand.self, MarkCommand.self, StarCommand.self, UnstarCommand.self, PruneCommand.self, CountCommand.self, TagCommand.self, NERCommand.self, EntitiesCommand.self, EntityCommand.self, ReannotateCommand.self, ResectionCommand.self, QuotesCommand.self,
                      FeedCommand.self, FetchCommand.self, OPMLCommand.self, AccountCommand.self, SyncCommand.self]
    )

    @OptionGroup var cache: CacheOptions

    func run() throws {
        try CommandFailure.wrapping(nil) {
            // Say so at once when there is no terminal, before any import work.
            try ReaderApp.checkTerminal()
            // The entity model loads only when something stores stories (the samples' import, a feed refresh, a
            // sync), which waits for it and stops with its error if it cannot be read: a reader that only reads a
            // large library keeps the model's memory and the first frame's processor for itself.
            let model = try ModelLoading.bundled(startingNow: false)
            let store = try cache.openStore()
            if !store.isReadOnly, try store.count() == 0 {
                let report = try Importer(store: store, annotate: try model.annotator().annotate)
                    .importPaths([try BriefResources.locateRoot().appendingPathComponent("samples").path],
                                 sourceName: SampleSource.name)
                for failure in report.failures { Console.error("brief: import: \(failure)") }
            }
            try ReaderApp.run(store: store, makeRefresher: {
                FeedRefresher(store: store, annotate: try model.annotator().annotate)
            }, makeSync: {
                guard try store.syncAccount() != nil else { return nil }
                return try SyncConnection.engine(store: store, annotate: try model.annotator().annotate)
            })
            // A damaged model is an installation to repair: said again once the terminal is back (when its
            // loading has finished by then; quitting never waits for it).
            if let failure = model.failure {
                throw CommandFailure(message: "\(failure); feeds cannot be refreshed until it is reinstalled")
            }
        }
    }

    /// `keep_days` from config.toml: `brief prune`'s age when none is given, and what `brief fetch` prunes after
    /// fetching (nil when unset or 0), with the config's problem with it when its value is not a number of days.
    static func keepDays() -> (days: Int?, problem: String?) {
        let (config, problems) = ConfigLoader.load(path: ConfigLoader.path())
        return (config.keepDays, problems.first { $0.contains("keep_days") })
    }

    /// Parses and runs a command, turning every error into one `brief: …` line on stderr and a non-zero exit.
    /// Async so that commands that wait for concurrent work (`brief fetch`) await it instead of blocking on it.
    static func main() async {
        AllocatorSettings.apply()
        SQLiteSettings.apply()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            Console.error("brief: \(failure.message)")
            Foundation.exit(failure.exitCode)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                Console.output(fullMessage(for: error))
                Foundation.exit(0)
            }
            let message = ErrorText.oneLine(message(for: error))
            Console.error("brief: \(message.isEmpty ? "failed" : message) (see 'brief --help')")
            Foundation.exit(code.rawValue)
        }
    }
}
