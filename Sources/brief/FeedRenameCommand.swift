import ArgumentParser
import BriefModel
import BriefStore

/// `brief feed rename URL TITLE`: the name the reader and lists show for a feed.
struct FeedRenameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rename",
        abstract: "Give a feed the title Brief shows for it (a fetch no longer replaces it).")

    @OptionGroup var cache: CacheOptions
    @Argument(help: FeedCommand.urlHelp) var url: String
    @Argument(help: ArgumentHelp("Its new title.", valueName: "title")) var title: String

    func validate() throws {
        if title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("the title is empty") }
    }

    func run() throws {
        let address = url.trimmingCharacters(in: .whitespacesAndNewlines)
        try FeedCommand.changing("feed rename", address, cache: cache) {
            try $0.renameFeed(url: address, title: title.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}
