/// Where a separator byte stands in a line of a model file: the first four positions and how many there are,
/// without allocating (model files have hundreds of thousands of lines to read at start-up).
struct ByteFields {
    var count = 0
    var positions = (0, 0, 0, 0)

    init(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, separator: UInt8) {
        for k in range where bytes[k] == separator {
            switch count {
            case 0: positions.0 = k
            case 1: positions.1 = k
            case 2: positions.2 = k
            case 3: positions.3 = k
            default: break
            }
            count += 1
        }
    }
}
