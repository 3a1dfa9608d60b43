import ArgumentParser
import BriefModel
import BriefStore

/// `brief feed move URL --folder NAME` / `--no-folder`: puts a feed in one folder, or in none.
struct FeedMoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move",
        abstract: "Put a feed in a folder (its only one), or in none.",
        discussion: "Folders are what OPML export writes as outlines and what the reader's feed view (F) groups by.")

    @OptionGroup var cache: CacheOptions
    @Argument(help: FeedCommand.urlHelp) var url: String
    @Option(help: ArgumentHelp("The folder.", valueName: "name")) var folder: String?
    @Flag(help: "Take the feed out of every folder.") var noFolder = false

    func validate() throws {
        if (folder == nil) == !noFolder { throw ValidationError("give --folder NAME or --no-folder") }
        if let folder, folder.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("the folder name is empty")
        }
    }

    func run() throws {
        let address = url.trimmingCharacters(in: .whitespacesAndNewlines)
        try FeedCommand.changing("feed move", address, cache: cache) {
            try $0.moveFeed(url: address, toFolder: folder?.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}
