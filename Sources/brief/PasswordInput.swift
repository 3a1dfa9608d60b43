import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where `brief account add` gets a password, never from its arguments: a command's first line of output, else
/// `BRIEF_PASSWORD`, else a prompt on the terminal with echo off, else one line of standard input.
enum PasswordInput {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func read(command: String?, prompt: String,
                     environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        let password: String
        if let command {
            password = try run(command)
        } else if let fromEnvironment = environment["BRIEF_PASSWORD"] {
            password = fromEnvironment
        } else if isatty(STDIN_FILENO) == 1 {
            password = try promptWithoutEcho(prompt)
        } else {
            password = readLine(strippingNewline: true) ?? ""
        }
        if password.isEmpty { throw Failure(description: "no password given") }
        return password
    }

    private static func run(_ command: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "the password command exited with status \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .first.map(String.init) ?? ""
    }

    private static func promptWithoutEcho(_ prompt: String) throws -> String {
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return readLine(strippingNewline: true) ?? ""
    }
}
