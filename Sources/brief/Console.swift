import BriefModel
import Foundation

/// Writes to stdout and stderr without buffering surprises: stdout carries only the command's result.
enum Console {
    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// One error line. It often quotes user input (a file name, a feed title), so it passes the terminal
    /// sanitiser like everything else that reaches a screen.
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((TerminalText.sanitize(line) + "\n").utf8))
    }
}
