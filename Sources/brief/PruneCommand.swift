import ArgumentParser
import BriefStore
import Foundation

/// `brief prune [--older-than 90d] [--dry-run] [--vacuum]`: deletes old read stories.
struct PruneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Delete read, unstarred stories older than an age (default: keep_days in config.toml).",
        discussion: """
            A story's age is from its date: published, else imported. Unread and starred stories are always kept. \
            Their sections, mentions and search rows go with them. Prints `pruned N stories` (`would prune N \
            stories` with --dry-run) on stderr, and with --vacuum the bytes the file shrank by after a VACUUM. \
            A story pruned while its feed still carries the item stays gone: the next fetch does not store it \
            again. With keep_days set, 'brief fetch' and the reader's refresh prune after each refresh.
            """)

    @OptionGroup var cache: CacheOptions

    @Option(name: .customLong("older-than"), help: ArgumentHelp("An age: N days (`90d`) or N weeks (`12w`).", valueName: "age"))
    var olderThan: String?

    @Flag(help: "Count what would be deleted; delete nothing.")
    var dryRun = false

    @Flag(help: "Give the freed space back to the file system (VACUUM) and say how much.")
    var vacuum = false

    func run() throws {
        let days: Int
        if let olderThan {
            guard let parsed = Self.days(olderThan) else {
                throw CommandFailure(message: "prune: --older-than: not an age: \(ErrorText.oneLine(olderThan)) (say 90d or 12w)")
            }
            days = parsed
        } else {
            let (keep, problem) = Brief.keepDays()
            if let problem { throw CommandFailure(message: "prune: \(ErrorText.oneLine(problem))") }
            guard let keep else {
                throw CommandFailure(message: "prune: give --older-than (such as 90d), or set keep_days in config.toml")
            }
            days = keep
        }
        let cutoff = Date().addingTimeInterval(-Double(days) * 86_400)
        try CommandFailure.wrapping("prune") {
            let store = try cache.openWritableStore("prune")
            let count = try store.pruneStories(before: cutoff, dryRun: dryRun)
            let noun = count == 1 ? "story" : "stories"
            var line = dryRun ? "would prune \(count) \(noun) older than \(days) days"
                              : "pruned \(count) \(noun) older than \(days) days"
            if vacuum && !dryRun { line += "; \(try store.vacuum()) bytes freed" }
            Console.error(line)
        }
    }

    /// `90d` → 90, `12w` → 84; nil for anything else.
    static func days(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let unit = trimmed.last, "dw".contains(unit), let count = Int(trimmed.dropLast()), count >= 0,
              count <= 100_000 else { return nil }
        return unit == "w" ? count * 7 : count
    }
}
