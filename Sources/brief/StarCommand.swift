import ArgumentParser
import BriefStore

/// `brief star ID…`: stars stories (starred stories are never pruned; `brief list --starred` lists them).
struct StarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "star",
        abstract: "Star stories (kept by `brief prune`, listed by `brief list --starred`).",
        discussion: discussion)

    static let discussion = "An unknown id is an error and then nothing is changed. Prints nothing on success."
    static let idsHelp = ArgumentHelp("Story ids (see `brief list`).", valueName: "id")

    @OptionGroup var cache: CacheOptions

    @Argument(help: idsHelp)
    var ids: [Int64]

    func run() throws { try Self.set(true, ids: ids, cache: cache) }

    /// Stars or unstars `ids` in the cache `cache` names (`brief star` and `brief unstar`).
    static func set(_ starred: Bool, ids: [Int64], cache: CacheOptions) throws {
        _ = try CommandFailure.wrapping(starred ? "star" : "unstar") { try cache.openWritableStore(starred ? "star" : "unstar").setStarred(starred, ids: ids) }
    }
}
