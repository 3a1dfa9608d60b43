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
        discussion: "Prints `KIND URL USER` and the last sync, or nothing when there is no account.")

    @OptionGroup var cache: CacheOptions

    func run() throws {
        try CommandFailure.wrapping("account list") {
            let store = try cache.openStore()
            guard let account = try store.syncAccount() else { return }
            var line = "\(account.kind)\t\(account.url)\t\(account.user)"
            if let last = account.lastSync {
                line += "\tlast sync \(ISO8601DateFormatter().string(from: last))"
                if let error = account.lastError { line += " failed: \(error)" }
            } else {
                line += "\tnever synced"
            }
            line += "\t\(try store.queuedMarkCount()) marks waiting"
            Console.output(TerminalText.sanitize(line))
        }
    }
}
