import Foundation

/// One small feed file in a form issue 14 names, with what Brief must read from it: served by the loopback server
/// for `brief fetch` and written to a file for `brief import`.
struct FeedFormFixture: Sendable {
    /// File name, and the path it is served at.
    var name: String
    var body: Data
    /// The `Content-Type` it is served with (a charset only where the form needs one).
    var contentType = "application/xml"
    /// The stories it must give, by title.
    var stories: [Expected]
    /// The note the import and fetch summaries must carry for it, if any (e.g. `read as windows-1252 (guessed)`).
    var note: String?

    struct Expected: Sendable {
        var title: String
        /// A phrase the story's text must hold.
        var text: String
        var link: String?
        var guid: String?
        /// ISO 8601 in UTC, as `--json` writes it; nil when the feed's date is missing or invalid.
        var published: String?
    }
}
