import ArgumentParser
import BriefModel
import BriefStore

/// `brief feed remove URL`: unsubscribes; the feed's stories stay.
struct FeedRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Unsubscribe from a feed. Its stories stay in the cache.")

    @OptionGroup var cache: CacheOptions

    @Argument(help: ArgumentHelp("The feed's address, as 'brief feed list' shows it.", valueName: "url"))
    var url: String

    func run() throws {
        let address = url.trimmingCharacters(in: .whitespacesAndNewlines)
        try CommandFailure.wrapping("feed remove") {
            do {
                try cache.openStore().removeFeed(url: address)
            } catch StoreError.noSuchFeed {
                // The address is the user's text, echoed back: neutralise any terminal controls in it.
                throw CommandFailure(message: "feed remove: no feed \(TerminalText.sanitize(address)) (see 'brief feed list')")
            }
        }
        Console.error("removed " + TerminalText.sanitize(address))
    }
}
