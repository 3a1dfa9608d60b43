import ArgumentParser
import BriefLibrary
import BriefStore

/// `brief open ID`: the story's link in the browser.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open a story's link in the browser.",
        discussion: """
            Runs $BROWSER (a command; `%u` in it is replaced by the address, else the address is appended), or \
            xdg-open without one, and waits for it. A story without a link, a link that is not a web address or a \
            browser that cannot be found or fails is one error line and a non-zero exit.
            """)

    @OptionGroup var cache: CacheOptions

    @Argument(help: ArgumentHelp("The story id (see `brief list`).", valueName: "id"))
    var id: Int64

    func run() throws {
        try CommandFailure.wrapping("open") {
            let link = try cache.openExistingStore("open").link(ofStory: id)
            do {
                try LinkOpener.open(link)
            } catch LinkOpenError.noLink {
                throw CommandFailure(message: "open: story \(id) has no link")
            }
        }
    }
}
