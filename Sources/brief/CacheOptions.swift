import ArgumentParser
import BriefStore

/// `--db PATH`, shared by every command; `BRIEF_DB` and the XDG default apply when it is absent.
struct CacheOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The cache file (default: $BRIEF_DB, else $XDG_DATA_HOME/brief/brief.sqlite).", valueName: "path"))
    var db: String?

    /// The cache path this invocation uses.
    var path: String { CachePath.resolve(explicit: db) }

    /// Opens (creating if needed) the cache.
    func openStore() throws -> Store { try Store(path: path) }
}
