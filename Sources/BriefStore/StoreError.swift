/// Why the cache could not be opened or changed. Each message is one line naming what and where.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file at the cache path is not an SQLite database at all (a corrupt or unrelated file).
    case notADatabase(path: String)
    /// The file is an SQLite database, but another application's.
    case foreignDatabase(path: String)
    /// The cache was written by a newer Brief (it has schema migrations this build does not know).
    case newerSchema(path: String, unknown: [String])
    /// The cache directory or file could not be created or opened.
    case cannotOpen(path: String, reason: String)
    /// The cache file or its directory is read-only: it can be read but not changed.
    case readOnly(path: String)
    /// No story has this id.
    case noSuchStory(id: Int64)
    /// No feed subscription has this address.
    case noSuchFeed(url: String)
    /// The story's text in the cache cannot be read back (its blob is missing or damaged).
    case damagedStory(id: Int64)
    /// libcrypto gives no SHA-256 here (its providers cannot be loaded), so stories cannot be keyed by their content.
    case noHashing

    public var description: String {
        switch self {
        case .notADatabase(let path):
            "\(path) is not a Brief cache (file is not a database); it was left unchanged"
        case .foreignDatabase(let path):
            "\(path) is not a Brief cache (an SQLite database of another application); it was left unchanged"
        case .newerSchema(let path, let unknown):
            "\(path) was written by a newer Brief (unknown schema \(unknown.joined(separator: ", "))); it was left unchanged"
        case .cannotOpen(let path, let reason):
            "cannot open the cache \(path): \(reason)"
        case .readOnly(let path):
            "the cache \(path) is read-only; nothing was changed"
        case .noSuchStory(let id):
            "no story with id \(id)"
        case .noSuchFeed(let url):
            "no feed \(url) (see 'brief feed list')"
        case .damagedStory(let id):
            "story \(id)'s text in the cache is damaged and cannot be read; the cache was left unchanged"
        case .noHashing:
            "libcrypto's SHA-256 is unavailable (its providers could not be loaded; check OPENSSL_CONF and OPENSSL_MODULES); the cache was not opened"
        }
    }
}
