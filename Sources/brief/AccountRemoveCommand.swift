import ArgumentParser
import BriefLibrary
import BriefStore

/// `brief account remove`: forgets the account, its queue and its password; stories and marks stay.
struct AccountRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove the sync account (its stories and marks stay; marks not yet synced are dropped).")

    @OptionGroup var cache: CacheOptions

    func run() throws {
        try CommandFailure.wrapping("account remove") {
            let store = try cache.openStore()
            guard let account = try store.syncAccount() else {
                throw CommandFailure(message: "account remove: there is no sync account")
            }
            try AccountSecrets.standard().setPassword(nil, for: AccountSecrets.key(kind: account.kind, url: account.url,
                                                                                 user: account.user))
            try store.removeSyncAccount()
        }
    }
}
