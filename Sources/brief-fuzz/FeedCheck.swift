import BriefModel
import Foundation

/// What the feed readers and HTML-to-text promise, and the import path every item takes afterwards.
enum FeedCheck {
    static func check(_ feed: FeedDocument) {
        // What the import summary says about the parse is one line per note, and a recovery kept something.
        for note in feed.notes { Invariant.oneLine(note, "feed note") }
        if let recovery = feed.recovery {
            Invariant.require(recovery.itemsRecovered > 0 && recovery.itemsRecovered == feed.items.count,
                              "recovery reports \(recovery.itemsRecovered) items, the feed has \(feed.items.count)")
        }
        if let fallback = feed.encodingFallback { Invariant.require(!fallback.isEmpty, "empty encoding fallback") }
        for item in feed.items {
            Invariant.require(!item.id.isEmpty, "item without an id")
            TerminalTextCheck.requireSafe(TerminalText.sanitize(item.title), keepNewlines: false)
            for content in [item.content, item.summary].compactMap({ $0 }) { check(content.blocks) }
            check(item.bodyBlocks)
            _ = item.fingerprint
            // Import: the item's text goes through the sectioner.
            StoryCheck.check(ArticleParser.parse(item.articleText, format: .article).story)
        }
    }

    /// Blocks hold visible text without trailing whitespace or carriage returns; headings are levels 1 to 6.
    static func check(_ blocks: [HTMLBlock]) {
        for block in blocks {
            Invariant.require(!block.text.isEmpty, "empty block")
            Invariant.require(!block.text.utf8.contains(0x0D), "carriage return in block \(block.text.debugDescription)")
            if let last = block.text.utf8.last {
                Invariant.require(last != 0x20 && last != 0x09 && last != 0x0A, "block ends in whitespace: \(block.text.debugDescription)")
            }
            if case .heading(let level) = block.kind {
                Invariant.require((1...6).contains(level), "heading level \(level)")
            }
        }
    }

    /// An OPML list Brief wrote must read back with the same feeds (addresses compared as export writes them).
    static func checkRoundTrip(_ list: OPMLDocument) {
        let written = list.xml()
        let reread: OPMLDocument
        do {
            reread = try OPMLDocument.parse(Data(written.utf8))
        } catch {
            Invariant.require(false, "exported OPML does not read back: \(error)")
            return
        }
        let expected = Set(list.feeds.map { exportForm($0.url) })
        Invariant.require(Set(reread.feeds.map(\.url)) == expected,
                          "exported OPML reads back other feeds: \(reread.feeds.map(\.url)) for \(expected.sorted())")
    }

    /// What export does to characters XML cannot hold.
    private static func exportForm(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let bad = (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || v == 0xFFFE || v == 0xFFFF
            out.append(bad ? "\u{FFFD}" : scalar)
        }
        return String(out)
    }
}
