import Foundation

/// A whole file read into a byte array: one copy, straight from the mapped file (the model's files are megabytes,
/// read at every start).
enum FileBytes {
    /// The bytes of the file at `path`; throws `TaggerError.unreadable` naming it.
    static func read(_ path: String) throws -> [UInt8] {
        let file = try MappedFile(path: path)
        return withExtendedLifetime(file) { [UInt8](file.bytes) }
    }
}
