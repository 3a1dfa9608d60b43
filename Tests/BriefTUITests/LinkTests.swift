import BriefLayout
import BriefModel
import BriefStore
import Foundation
import Synchronization
import Testing
@testable import BriefLibrary
@testable import BriefTUI

@Suite("The source: the story's header shows its feed and link; o opens it, y copies it")
struct LinkTests {
    static let link = "https://www.wire.example/news/2026/11/28/ministers-meet-in-reykjavik-over-arctic-shipping"

    static func openWithLink(width: Int = 80) -> ReaderState {
        var stored = Fixtures.arcticStory
        stored.link = link
        stored.feedTitle = "Brief Wire"
        return Fixtures.openState(stored, width: width)
    }

    @Test("The header names the feed and the link, shortened in the middle to fit beside the position")
    func header() {
        let state = Self.openWithLink(width: 80)
        let title = state.screenLines[0]
        #expect(title.hasPrefix(" Brief › Brief Wire · wire.example/news/"))
        #expect(title.contains("…") && title.contains("arctic-shipping"))
        #expect(title.hasSuffix("Top") || title.hasSuffix("All"))
        #expect(title.count <= 80)
        // Narrow: no room for the link, the feed stays
        #expect(Self.openWithLink(width: 30).screenLines[0].hasPrefix(" Brief › Brief Wire"))
        #expect(!Self.openWithLink(width: 30).screenLines[0].contains("wire.example"))
    }

    @Test("Shortening keeps the site and the end, drops the scheme and www., and sanitises")
    func shortening() {
        #expect(LinkText.short("https://www.a.example/x/", width: 40) == "a.example/x")
        let short = LinkText.short(Self.link, width: 30)
        #expect(short == "wire.example/news/…c-shipping" || DisplayWidth.of(short) <= 30)
        #expect(short.hasPrefix("wire.example/") && short.hasSuffix("shipping") && DisplayWidth.of(short) <= 30)
        #expect(!LinkText.short("https://a.example/\u{1B}[2J", width: 40).contains("\u{1B}"))
    }

    @Test("o and y in a story with a link ask for it by story; without a link they say so at once")
    func keysInStory() {
        let state = Self.openWithLink()
        #expect(Reader.update(state, .openLink).1 == [.openLink(storyID: 3)])
        #expect(Reader.update(state, .copyLink).1 == [.copyLink(storyID: 3)])
        let (plain, effects) = Reader.update(Fixtures.openState(), .openLink)
        #expect(effects.isEmpty)
        #expect(plain.status == "This story has no link")
        // In the list, the selected story's
        #expect(Reader.update(Fixtures.loadedState(), .openLink).1 == [.openLink(storyID: 3)])
        #expect(Keymap.standard.operation(for: .character("o")) == .openLink)
        #expect(Keymap.standard.operation(for: .character("y")) == .copyLink)
    }

    /// A store with one story from a feed whose item has `link`, and one imported file (no link).
    static func store(link: String) throws -> (Store, feedStory: Int64, fileStory: Int64) {
        let store = try Store.inMemory()
        func item(_ title: String) -> ImportItem {
            ImportItem(story: Story(title: title, sections: [Section(kind: .lede, paragraphs: [Paragraph(text: title)])]),
                       originalText: title, source: "Brief Wire", published: nil, format: .article)
        }
        let fed = try store.importFeedItems(feedURL: "https://wire.example/feed.xml", items: [
            FeedImportItem(itemID: "1", guid: "1", link: link, fingerprint: "f1", story: item("Fed story")),
        ])
        let file = try store.importStories([item("File story")])
        return (store, fed[0].id, file[0].id)
    }

    @Test("The effect hands the link to the browser and reports it; failures are one status line")
    func openEffect() throws {
        let (store, fed, file) = try Self.store(link: Self.link)
        let opened = Mutex<[String]>([])
        var effects = StoreEffects(store: store)
        effects.browse = { link in opened.withLock { $0.append(link) } }
        #expect(effects.perform(.openLink(storyID: fed)) == [.notice("Opened wire.example/news/2026/11/28/…reykjavik-over-arctic-shipping")])
        #expect(opened.withLock { $0 } == [Self.link])
        #expect(effects.perform(.openLink(storyID: file)) == [.failed("Could not open the link: this story has no link")])
        effects.browse = { _ in throw LinkOpenError.notFound("lynx-missing") }
        #expect(effects.perform(.openLink(storyID: fed))
                == [.failed("Could not open the link: browser not found: lynx-missing (set BROWSER)")])
        // A link that is no web address never reaches the browser
        let (hostile, bad, _) = try Self.store(link: "javascript:alert(1)")
        var guarded = StoreEffects(store: hostile)
        guarded.browse = { _ in Issue.record("the browser must not run") }
        #expect(guarded.perform(.openLink(storyID: bad)) == [.failed("Could not open the link: not a web address: javascript:alert(1)")])
    }

    @Test("y puts the link on the clipboard as an OSC 52 sequence")
    func copyEffect() throws {
        let (store, fed, _) = try Self.store(link: "https://wire.example/a")
        let copied = Mutex<[String]>([])
        var effects = StoreEffects(store: store)
        effects.copy = { text in copied.withLock { $0.append(text) } }
        #expect(effects.perform(.copyLink(storyID: fed)) == [.notice("Copied wire.example/a (OSC 52)")])
        #expect(copied.withLock { $0 } == ["https://wire.example/a"])
        #expect(CursesTerminal.osc52("https://wire.example/a") == "\u{1B}]52;c;aHR0cHM6Ly93aXJlLmV4YW1wbGUvYQ==\u{07}")
    }
}
