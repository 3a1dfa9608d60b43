import Foundation

/// Reads what `PackedWriter` wrote, refusing (with `TaggerError.malformedModel` naming the file) anything cut
/// short, too long or of another format, before a value is used.
struct PackedReader {
    private let bytes: [UInt8]
    private var offset = 0
    let path: String

    /// Reads the file at `path`; throws when it cannot be read or does not start with `magic`.
    init(path: String, magic: String) throws {
        bytes = try FileBytes.read(path)
        self.path = path
        let head = Array(magic.utf8)
        guard bytes.count >= head.count, Array(bytes[0..<head.count]) == head else {
            throw fail("not a packed file of this kind (expected '\(magic)')")
        }
        offset = head.count
    }

    func fail(_ why: String) -> TaggerError { .malformedModel(path, 0, why) }

    mutating func read<T: FixedWidthInteger>(_: T.Type) throws -> T {
        let size = MemoryLayout<T>.size
        guard offset + size <= bytes.count else { throw fail("truncated (ends inside a value)") }
        let value = bytes.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: T.self)) }
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
        return bytes.withUnsafeBytes { raw in
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
