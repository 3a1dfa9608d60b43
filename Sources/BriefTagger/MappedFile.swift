import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A whole file mapped read-only into memory: its bytes are read from the page cache as they are used, with no copy
/// into a buffer of our own first (the model's packed files are megabytes, read at every start).
final class MappedFile {
    /// The file's bytes, valid while this object lives.
    let bytes: UnsafeRawBufferPointer
    let path: String

    /// Maps the file at `path`; throws `TaggerError.unreadable` naming it.
    init(path: String) throws {
        self.path = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw TaggerError.unreadable(path, "no such file or not readable") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw TaggerError.unreadable(path, "not a regular file")
        }
        let size = Int(info.st_size)
        guard size > 0 else {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            throw TaggerError.unreadable(path, "cannot be mapped into memory")
        }
        bytes = UnsafeRawBufferPointer(start: base, count: size)
    }

    deinit {
        if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
    }
}
