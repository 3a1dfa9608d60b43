import ArgumentParser
import BriefModel

/// `brief feed add URL [--title T]`: subscribes to a feed (nothing is fetched until `brief fetch`).
struct FeedAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Subscribe to a feed (RSS, Atom or JSON Feed) by its http or https address.",
        discussion: "Nothing is fetched until 'brief fetch'. Adding a feed again updates its title.")

    @OptionGroup var cache: CacheOptions

    @Argument(help: ArgumentHelp("The feed's address.", valueName: "url"))
    var url: String

    @Option(help: ArgumentHelp("A name for the feed (default: the feed's own title once fetched).", valueName: "title"))
    var title: String?

    func run() throws {
        let address = try FeedAddress.validated(url, command: "feed add")
        let added = try CommandFailure.wrapping("feed add") {
            try cache.openStore().addFeed(url: address, title: title)
        }
        Console.error((added ? "added " : "already subscribed to ") + TerminalText.sanitize(address))
    }
}
