import ArgumentParser
import BriefStore

/// `brief count [--unread]`: one integer.
struct CountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "count", abstract: "Print the number of stories (or unread stories) as one integer.")

    @OptionGroup var cache: CacheOptions

    @Flag(help: "Count only unread stories.")
    var unread = false

    func run() throws {
        let count = try CommandFailure.wrapping("count") { try cache.openExistingStore("count").count(unreadOnly: unread) }
        Console.output("\(count)")
    }
}
