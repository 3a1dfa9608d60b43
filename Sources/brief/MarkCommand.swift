import ArgumentParser
import BriefStore

/// `brief mark read|unread ID…` and `brief mark read|unread --all`.
struct MarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark",
        abstract: "Mark stories read or unread.",
        discussion: "An unknown id is an error and then nothing is changed. Prints nothing on success.")

    @OptionGroup var cache: CacheOptions

    @Argument(help: ArgumentHelp("read or unread.", valueName: "state"))
    var state: ReadState

    @Argument(help: ArgumentHelp("Story ids (see `brief list`).", valueName: "id"))
    var ids: [Int64] = []

    @Flag(help: "Mark every story read (or unread).")
    var all = false

    func validate() throws {
        if all && !ids.isEmpty { throw ValidationError("give story ids or --all, not both") }
        if !all && ids.isEmpty { throw ValidationError("give at least one story id, or --all") }
    }

    func run() throws {
        try CommandFailure.wrapping("mark") {
            let store = try cache.openWritableStore("mark")
            if all {
                _ = try state == .read ? store.markAllRead() : store.markAllUnread()
            } else {
                try store.setRead(state == .read, ids: ids)
            }
        }
    }
}
