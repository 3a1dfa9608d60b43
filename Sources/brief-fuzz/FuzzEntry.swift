import Foundation

/// libFuzzer's entry point: runs the target named by `BRIEF_FUZZ_TARGET` on one input.
///
/// One binary serves every target so that one sanitizer build is enough; the target is read once per process.
/// An invariant that does not hold aborts the process (`Invariant.require`), which libFuzzer reports as a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    FuzzTarget.selected.run(data)
    return 0
}
