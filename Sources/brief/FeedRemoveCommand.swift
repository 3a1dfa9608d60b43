import ArgumentParser
import BriefModel

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
        try FeedCommand.changing("feed remove", address, cache: cache) { try $0.removeFeed(url: address) }
        Console.error("removed " + TerminalText.sanitize(address))
    }
}
