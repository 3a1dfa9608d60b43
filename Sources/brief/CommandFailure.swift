import ArgumentParser

/// An error already phrased for the user: `brief: <message>` is printed on stderr, then the process exits.
struct CommandFailure: Error {
    var message: String
    var exitCode: Int32 = 1

    /// Runs `body`, rephrasing any error as `<command>: <what and where>` (argument-parser exits pass through).
    static func wrapping<T>(_ command: String?, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let failure as CommandFailure {
            throw failure
        } catch let exit as ExitCode {
            throw exit
        } catch {
            let text = ErrorText.oneLine(error)
            throw CommandFailure(message: command.map { "\($0): \(text)" } ?? text)
        }
    }
}
