import ArgumentParser
import BriefLibrary
import BriefModel
import BriefStore
import Foundation

/// `brief sync`: one sync with the account's server (marks pushed, then new items and the server's marks pulled).
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Sync marks, stories and subscriptions with the account's server.",
        discussion: """
            Pushes the marks made since the last sync (read, unread, star, unstar), then subscriptions both ways \
            (Fever's are read-only), the server's new items and its unread and starred sets. A story with a mark \
            not yet on the server keeps its state here. Each failure is one line on stderr and the exit status is \
            1; marks that could not be pushed stay queued for the next sync. On a terminal, stderr shows a \
            progress line and the summary; piped, a successful sync prints nothing.
            """)

    @OptionGroup var cache: CacheOptions

    func run() async throws {
        let engine = try CommandFailure.wrapping("sync") { () throws -> SyncEngine in
            let store = try cache.openStore()
            guard try store.syncAccount() != nil,
                  let engine = try SyncConnection.engine(store: store, annotate: try Importer.bundled(store: store).annotate) else {
                throw CommandFailure(message: "sync: there is no sync account (add one with 'brief account add')")
            }
            return engine
        }
        let terminal = isatty(STDERR_FILENO) == 1
        let report = await engine.run { progress in
            if terminal { FileHandle.standardError.write(Data(("\r" + progress.line + "\u{1B}[K").utf8)) }
        }
        if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        for failure in report.failures { Console.error("brief: sync: \(ErrorText.oneLine(failure))") }
        if terminal { Console.error(report.summary) }
        if !report.failures.isEmpty { throw ExitCode(1) }
    }
}
