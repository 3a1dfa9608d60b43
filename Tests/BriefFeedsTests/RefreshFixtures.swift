import BriefFeeds
import BriefLibrary
import BriefStore
import Foundation

/// Feeds written for these tests, a real cache file in a fresh temporary directory, and a refresher with generous limits.
enum RefreshFixtures {
    /// An RSS 2.0 feed whose items are `(guid, title, body)`; a nil guid leaves the element out.
    static func rss(_ title: String, items: [(guid: String?, title: String, body: String)], link: Bool = false) -> String {
        var xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>\(title)</title>"
        for item in items {
            xml += "<item>"
            if let guid = item.guid { xml += "<guid isPermaLink=\"false\">\(guid)</guid>" }
            if link, let guid = item.guid { xml += "<link>https://desk.example/\(guid)</link>" }
            xml += "<title>\(item.title)</title><description>\(item.body)</description></item>"
        }
        return xml + "</channel></rss>"
    }

    /// A feed of `count` simple items, guids prefixed with `title`.
    static func rss(_ title: String, count: Int) -> String {
        rss(title, items: (0..<count).map { ("\(title)-\($0)", "\(title) story \($0)", "\(title) reports item \($0).") })
    }

    /// A store on a new cache file (removed with its directory by the caller's `defer`).
    static func store() throws -> (Store, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("brief-refresh-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return (try Store(path: directory.appendingPathComponent("brief.sqlite").path), directory)
    }

    /// Limits generous enough for a loaded 2-core machine running the whole suite in parallel (a good feed never
    /// times out there); the test of a slow feed sets its own short one.
    static let options = FeedFetchOptions(requestTimeout: 60, resourceTimeout: 120, maxBytes: 100_000, maxRedirects: 3)

    static func refresher(_ store: Store, options: FeedFetchOptions = RefreshFixtures.options) -> FeedRefresher {
        FeedRefresher(store: store, fetcher: FeedFetcher(options: options), annotate: { $0 })
    }
}
