import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A whole file read straight into a byte array: one copy from the kernel, where `Data` and then an array would
/// make two (the model's files are tens of megabytes, read at every start).
enum FileBytes {
    /// The bytes of the file at `path`; throws `TaggerError.unreadable` naming it.
    static func read(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw TaggerError.unreadable(path, "no such file or not readable") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw TaggerError.unreadable(path, "not a regular file")
        }
        let size = Int(info.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialised in
            var done = 0
            while done < size {
                let n = Glibc.read(fd, buffer.baseAddress! + done, size - done)
                if n <= 0 { break }
                done += n
            }
            failed = done != size
            initialised = done
        }
        if failed { throw TaggerError.unreadable(path, "the file changed while it was read") }
        return bytes
    }
}
