import ArgumentParser
import BriefLayout
import BriefModel
import BriefStore

/// `brief show ID [--json]`: one story as stored.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one story: headline, dateline, sections, quotes and entities.",
        discussion: """
            JSON: {id, title, link, guid, source, published, imported, read, starred, feed, dateline {places, agency}, \
            sections [{kind, title, paragraphs [{text, mentions [{start, end, type, entity, text}]}]}], \
            quotes [{text, speaker}], entities [{key, name, type, mentions, aliases}]}. A story without a dateline \
            has dateline {places: [], agency: null}; absent values are null. link and guid are the feed item's \
            (guid: its id in the feed when that is not just its link), null for a story from a text file. Mention \
            offsets count Unicode scalars of the paragraph text, end exclusive.
            """)

    @OptionGroup var cache: CacheOptions

    @Argument(help: ArgumentHelp("The story id (see `brief list`).", valueName: "id"))
    var id: Int64

    @Flag(help: "Print one JSON document.")
    var json = false

    func run() throws {
        try CommandFailure.wrapping("show") {
            let store = try cache.openExistingStore("show")
            guard let stored = try store.story(id: id) else { throw StoreError.noSuchStory(id: id) }
            if json {
                let item = try store.feedItemIdentity(storyID: id)
                try JSONOutput.write(StoryDocument(stored: stored, link: item.link, guid: item.guid))
            } else {
                // The reader's story layout as plain text: every string sanitised for the terminal, no styles.
                var text = StoryLayout(stored.story, date: stored.summary.published, format: .plain(source: stored.summary.source)).plainText
                if let link = stored.link { text += "\n\nLink: " + TerminalText.sanitize(link, keepNewlines: false) }
                Console.output(text)
            }
        }
    }
}
