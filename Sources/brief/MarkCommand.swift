import ArgumentParser
import BriefStore

/// `brief mark read|unread ID…` and `brief mark read --all`.
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

    @Flag(help: "Mark every story read.")
    var all = false

    func validate() throws {
        if all && state == .unread { throw ValidationError("--all only marks read: use `brief mark read --all`") }
        if all && !ids.isEmpty { throw ValidationError("give story ids or --all, not both") }
        if !all && ids.isEmpty { throw ValidationError("give at least one story id, or --all") }
    }

    func run() throws {
        try CommandFailure.wrapping("mark") {
            let store = try cache.openStore()
            if all {
                _ = try store.markAllRead()
            } else {
                try store.setRead(state == .read, ids: ids)
            }
        }
    }
}
