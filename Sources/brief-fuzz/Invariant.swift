import Foundation

/// The checks a fuzz target makes on what the code under test returns. A broken one aborts the process with a
/// one-line reason on stderr: libFuzzer then saves the input as a crash, and the replay binary exits non-zero.
enum Invariant {
    static func require(_ condition: Bool, _ reason: @autoclosure () -> String) {
        guard !condition else { return }
        FuzzLog.say("invariant broken: \(reason())")
        abort()
    }

    /// Error messages are shown to the reader as one line (STYLE: "a clear, one-line error").
    static func oneLine(_ message: String, _ what: String) {
        require(!message.isEmpty, "\(what): empty error message")
        require(!message.contains(where: \.isNewline), "\(what): error message spans lines: \(message.debugDescription)")
    }

    /// True for the characters `ParagraphText.collapse` trims (space, tab, LF, CR).
    static func isTrimmed(_ text: String) -> Bool {
        let blank: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        guard let first = text.utf8.first, let last = text.utf8.last else { return false }
        return !blank.contains(first) && !blank.contains(last)
    }
}
