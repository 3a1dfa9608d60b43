import Foundation

/// Reads what `PackedWriter` wrote, refusing (with `TaggerError.malformedModel` naming the file) anything cut
/// short, too long or of another format, before a value is used.
struct PackedReader {
    /// The file, mapped: values are copied out of it once, straight into the arrays that hold them.
    private let file: MappedFile
    private var bytes: UnsafeRawBufferPointer { file.bytes }
    private var offset = 0
    let path: String

    /// Opens the file at `path`; throws when it cannot be read or does not start with `magic`.
    init(path: String, magic: String) throws {
        file = try MappedFile(path: path)
        self.path = path
        let head = Array(magic.utf8)
        guard bytes.count >= head.count, head.indices.allSatisfy({ bytes[$0] == head[$0] }) else {
            throw fail("not a packed file of this kind (expected '\(magic)')")
        }
        offset = head.count
    }

    func fail(_ why: String) -> TaggerError { .malformedModel(path, 0, why) }

    mutating func read<T: FixedWidthInteger>(_: T.Type) throws -> T {
        let size = MemoryLayout<T>.size
        guard offset + size <= bytes.count else { throw fail("truncated (ends inside a value)") }
        let value = T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
        offset += size
        return value
    }

    mutating func readArray<T: FixedWidthInteger>(_: T.Type, limit: Int = 1 << 28) throws -> [T] {
        let count = try read(UInt64.self)
        guard count <= UInt64(limit) else { throw fail("array of \(count) values") }
        let n = Int(count), size = n * MemoryLayout<T>.stride
        guard offset + size <= bytes.count else { throw fail("truncated (ends inside an array)") }
        let start = offset
        offset += size
        let raw = bytes
        return withExtendedLifetime(file) {
            [T](unsafeUninitializedCapacity: n) { buffer, initialised in
                if 1.littleEndian == 1 {
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[start..<(start + size)]))
                } else {
                    for k in 0..<n {
                        buffer[k] = T(littleEndian: raw.loadUnaligned(fromByteOffset: start + k * MemoryLayout<T>.stride, as: T.self))
                    }
                }
                initialised = n
            }
        }
    }

    mutating func readIndex() throws -> HashIndex {
        let count = try read(UInt64.self)
        let keys = try readArray(UInt64.self), values = try readArray(UInt32.self)
        guard count <= UInt64(keys.count), let index = HashIndex(keys: keys, values: values, count: Int(count)) else {
            throw fail("malformed hash index")
        }
        return index
    }

    /// Throws unless every byte was read.
    func finish() throws {
        guard offset == bytes.count else { throw fail("\(bytes.count - offset) bytes after the end") }
    }
}
