import ArgumentParser
import BriefModel

/// `brief opml export`: prints the subscriptions as OPML 2.0 on stdout; tags become folders.
struct OPMLExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print the feed subscriptions as OPML on stdout (tags become folders).")

    @OptionGroup var cache: CacheOptions

    func run() throws {
        let feeds = try CommandFailure.wrapping("opml export") { try cache.openStore().feeds() }
        let document = OPMLDocument(title: "Brief subscriptions",
                                    feeds: feeds.map { OPMLFeed(url: $0.url, title: $0.title, tags: $0.tags) })
        Console.output(document.xml())
    }
}
