import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The C library's pseudo-terminal calls, looked up by name: Swift's Glibc module leaves `posix_openpt`,
/// `grantpt`, `unlockpt` and `ptsname_r` out (they sit behind `_XOPEN_SOURCE`).
enum PseudoTerminal {
    private typealias OpenMaster = @convention(c) (Int32) -> Int32
    private typealias Prepare = @convention(c) (Int32) -> Int32
    private typealias SlaveName = @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32

    private static func function<T>(_ name: String, as type: T.Type) -> T? {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
        return unsafeBitCast(symbol, to: type)
    }

    /// A new master side, granted and unlocked, or -1.
    static func openMaster() -> Int32 {
        guard let open = function("posix_openpt", as: OpenMaster.self),
              let grant = function("grantpt", as: Prepare.self),
              let unlock = function("unlockpt", as: Prepare.self) else { return -1 }
        let master = open(O_RDWR | O_NOCTTY)
        guard master >= 0 else { return -1 }
        guard grant(master) == 0, unlock(master) == 0 else {
            close(master)
            return -1
        }
        return master
    }

    /// The path of the slave side of `master` (e.g. /dev/pts/3).
    static func slaveName(_ master: Int32) -> String? {
        guard let name = function("ptsname_r", as: SlaveName.self) else { return nil }
        var buffer = [CChar](repeating: 0, count: 128)
        guard name(master, &buffer, buffer.count) == 0 else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
