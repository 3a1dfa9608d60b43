import Foundation

/// How a cache file on disk may be opened. A file or directory without any write permission bit counts as
/// read-only even for root (who could write it anyway): someone made it so on purpose.
enum CacheFile {
    /// True when the cache at `path` exists and it, or its directory, cannot be written.
    static func isReadOnly(_ path: String) -> Bool {
        guard FileManager.default.fileExists(atPath: path) else { return false }
        let directory = (path as NSString).deletingLastPathComponent
        return !writable(path) || !writable(directory.isEmpty ? "." : directory)
    }

    /// What SQLite opens for a read-only cache: a `file:` URI with `mode=ro`, and `immutable=1` unless another
    /// process has the cache open for writing right now (its `-wal` and `-shm` files exist, and would be
    /// ignored by an immutable open). Neither creates a file beside the cache.
    static func readOnlyLocation(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        let manager = FileManager.default
        let inUse = manager.fileExists(atPath: path + "-wal") && manager.fileExists(atPath: path + "-shm")
        return "file:\(encoded)?mode=ro" + (inUse ? "" : "&immutable=1")
    }

    private static func writable(_ path: String) -> Bool {
        guard access(path, W_OK) == 0 else { return false }
        let mode = (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? 0o200
        return mode & 0o222 != 0
    }
}
