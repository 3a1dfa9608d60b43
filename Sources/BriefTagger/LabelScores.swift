/// The 9 label scores of one token held in registers while its features are summed: labels 0–7 as one vector,
/// label 8 apart. Each lane adds exactly what the label's own `Float` would, in the same order.
struct LabelScores {
    var low: SIMD8<Float>
    var last: Float

    /// All zero (`+0`).
    @inline(__always)
    init() {
        low = SIMD8<Float>(repeating: 0)
        last = 0
    }

    /// The 9 floats at `p`.
    @inline(__always)
    init(_ p: UnsafePointer<Float>) {
        low = UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
        last = p[8]
    }

    /// Adds the 9 floats at `p`.
    @inline(__always)
    mutating func add(_ p: UnsafePointer<Float>) {
        low += UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
        last += p[8]
    }

    /// Writes the 9 scores to `p`.
    @inline(__always)
    func store(to p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: low, as: SIMD8<Float>.self)
        p[8] = last
    }
}
