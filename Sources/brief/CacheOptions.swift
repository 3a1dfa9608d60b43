import ArgumentParser
import Foundation
import BriefStore

/// `--db PATH`, shared by every command; `BRIEF_DB` and the XDG default apply when it is absent.
struct CacheOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The cache file (default: $BRIEF_DB, else $XDG_DATA_HOME/brief/brief.sqlite).", valueName: "path"))
    var db: String?

    /// The cache path this invocation uses.
    var path: String { CachePath.resolve(explicit: db) }

    /// Opens (creating if needed) the cache.
    func openStore() throws -> Store { try Self.open(path) }

    /// Opens the cache at `path`; converting a big cache to a newer format shows its progress on a terminal.
    static func open(_ path: String) throws -> Store {
        guard isatty(STDERR_FILENO) == 1 else { return try Store(path: path) }
        return try Store(path: path, converting: { seconds in
            FileHandle.standardError.write(Data("\rbrief: converting the cache to this version's format (once)… \(seconds) s".utf8))
        }, converted: { seconds in
            FileHandle.standardError.write(Data("\rbrief: converted the cache to this version's format in \(seconds) s\u{1B}[K\n".utf8))
        })
    }

    /// Opens the cache for a command that changes it: a read-only cache is refused at once, before any work.
    func openWritableStore(_ command: String) throws -> Store {
        let store = try Self.open(path)
        if store.isReadOnly { throw CommandFailure(message: "\(command): \(StoreError.readOnly(path: path))") }
        return store
    }

    /// Opens the cache for a command that only reads it: a cache in a directory that does not exist is an error,
    /// not a new directory and an empty file (a mistyped --db must not leave them behind).
    func openExistingStore(_ command: String) throws -> Store {
        let directory = (path as NSString).deletingLastPathComponent
        guard directory.isEmpty || FileManager.default.fileExists(atPath: directory) else {
            throw CommandFailure(message: "\(command): the cache \(path) does not exist (no directory \(directory))")
        }
        return try Self.open(path)
    }
}
