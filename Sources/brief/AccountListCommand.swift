import ArgumentParser
import BriefLibrary
import BriefModel
import BriefStore
import Foundation

/// `brief account list`: the sync account, its last sync and the marks waiting, one line.
struct AccountListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Show the sync account.",
        discussion: "Prints `KIND URL USER LAST-SYNC WAITING`, tab-separated, or nothing when there is no account.")

    @OptionGroup var cache: CacheOptions

    func run() throws {
        try CommandFailure.wrapping("account list") {
            let store = try cache.openStore()
            guard let account = try store.syncAccount() else { return }
            var fields = [account.kind, account.url, account.user]
            if let last = account.lastSync {
                var status = "last sync \(ISO8601DateFormatter().string(from: last))"
                if let error = account.lastError { status += " failed: \(error)" }
                fields.append(status)
            } else {
                fields.append("never synced")
            }
            fields.append("\(try store.queuedMarkCount()) marks waiting")
            // Each field sanitised on its own: the sanitiser would turn the tabs between them into spaces.
            Console.output(fields.map { TerminalText.sanitize($0) }.joined(separator: "\t"))
        }
    }
}
