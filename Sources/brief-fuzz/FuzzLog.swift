import Foundation

/// One line on stderr (libFuzzer keeps stdout for its own reports).
enum FuzzLog {
    static func say(_ message: String) {
        FileHandle.standardError.write(Data("brief-fuzz: \(message)\n".utf8))
    }
}
