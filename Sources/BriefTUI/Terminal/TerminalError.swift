import Foundation

/// Why the reader could not start on this terminal, as one line the user can act on.
public struct TerminalError: Error, CustomStringConvertible, LocalizedError, Hashable, Sendable {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
    public var errorDescription: String? { message }

    static let notATerminal = TerminalError(
        "the reader needs a terminal (stdin or stdout is not a tty); use `brief list` / `brief show` in scripts")
}
