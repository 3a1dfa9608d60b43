import ArgumentParser

/// `brief feed add|list|remove`: the feed subscriptions.
struct FeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feed",
        abstract: "Add, list and remove feed subscriptions (fetch them with 'brief fetch').",
        subcommands: [FeedAddCommand.self, FeedListCommand.self, FeedRemoveCommand.self])
}
