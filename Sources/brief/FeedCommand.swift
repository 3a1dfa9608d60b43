import ArgumentParser
import BriefModel
import BriefStore

/// `brief feed add|list|remove|rename|move`: the feed subscriptions.
struct FeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feed",
        abstract: "Add, list, remove, rename and file feed subscriptions (fetch them with 'brief fetch').",
        subcommands: [FeedAddCommand.self, FeedListCommand.self, FeedRemoveCommand.self, FeedRenameCommand.self,
                      FeedMoveCommand.self])

    /// The help of a subcommand's feed address argument.
    static let urlHelp = ArgumentHelp("The feed's address, as 'brief feed list' shows it.", valueName: "url")

    /// Runs `change` on the cache for the feed at `address`, saying `no feed …` in `command`'s words when
    /// there is no such subscription.
    static func changing(_ command: String, _ address: String, cache: CacheOptions,
                         _ change: (Store) throws -> Void) throws {
        try CommandFailure.wrapping(command) {
            do {
                try change(try cache.openWritableStore(command))
            } catch StoreError.noSuchFeed {
                // The address is the user's text, echoed back: neutralise any terminal controls in it.
                throw CommandFailure(message: "\(command): no feed \(TerminalText.sanitize(address)) (see 'brief feed list')")
            }
        }
    }
}
