import ArgumentParser
import BriefModel

/// `brief feed add URL [--title T]`: subscribes to a feed, or to the one feed a web page links to.
struct FeedAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Subscribe to a feed (RSS, Atom or JSON Feed) by its http or https address.",
        discussion: """
            The address is fetched once to check it: a feed is subscribed to as it is; a web page is read for the \
            feeds its <link rel="alternate"> elements offer, and its one feed is subscribed to (several are listed \
            on stdout, URL, type and title, and the exit status is 1: add the one you want). An address that \
            cannot be reached now is subscribed to anyway (said on stderr). No stories are stored until \
            'brief fetch'. Adding a feed again updates its title.
            """)

    @OptionGroup var cache: CacheOptions

    @Argument(help: ArgumentHelp("The feed's address, or a web page that links to it.", valueName: "url"))
    var url: String

    @Option(help: ArgumentHelp("A name for the feed (default: the feed's own title once fetched).", valueName: "title"))
    var title: String?

    @Option(help: ArgumentHelp("A folder to put it in (the reader's feed view groups by folder).", valueName: "name"))
    var folder: String?

    func run() async throws {
        let address = try await FeedAddress.discovered(try FeedAddress.validated(url, command: "feed add"),
                                                       command: "feed add")
        let added = try CommandFailure.wrapping("feed add") {
            try cache.openWritableStore("feed add").addFeed(url: address, title: title, tags: folder.map { [$0] } ?? [])
        }
        Console.error((added ? "added " : "already subscribed to ") + TerminalText.sanitize(address))
    }
}
