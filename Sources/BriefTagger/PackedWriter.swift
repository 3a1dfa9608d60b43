import Foundation

/// Writes a packed model file: a magic string, then little-endian integers and arrays (each array's count first).
/// Read back by `PackedReader`.
struct PackedWriter {
    private(set) var data = Data()

    init(magic: String) { data.append(contentsOf: Array(magic.utf8)) }

    mutating func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }

    mutating func append<T: FixedWidthInteger>(array: [T]) {
        append(UInt64(array.count))
        array.withUnsafeBufferPointer { buffer in
            if T.self == UInt8.self || 1.littleEndian == 1 {
                data.append(UnsafeBufferPointer(start: UnsafeRawPointer(buffer.baseAddress)?.assumingMemoryBound(to: UInt8.self),
                                                count: buffer.count * MemoryLayout<T>.stride))
            } else {
                for v in buffer { append(v) }
            }
        }
    }

    mutating func append(_ index: HashIndex) {
        append(UInt64(index.count))
        append(array: index.keys)
        append(array: index.values)
    }
}
