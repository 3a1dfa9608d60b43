import ArgumentParser

/// `brief unstar ID…`: takes the star off stories.
struct UnstarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unstar", abstract: "Take the star off stories.",
                                                    discussion: StarCommand.discussion)

    @OptionGroup var cache: CacheOptions
    @Argument(help: StarCommand.idsHelp) var ids: [Int64]

    func run() throws { try StarCommand.set(false, ids: ids, cache: cache) }
}
