import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One more web/API process of a running sync server on a port of the test's own (`scripts/ttrss-server serve PORT`,
/// `scripts/fever-server serve PORT`: the same database as the shared server), which the test may stop and start
/// without disturbing the tests using the shared one.
struct OwnServer {
    struct Failure: Error, CustomStringConvertible { let description: String }

    let process: Process

    static func start(_ server: SyncServer, port: UInt16, timeout: Double = 30) async throws -> OwnServer {
        let process = Process()
        process.executableURL = SyncServer.repository.appendingPathComponent("scripts/\(server.name)-server")
        process.arguments = ["serve", String(port)]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while !SyncServer.answers(port: port) {
            guard process.isRunning, Date() < deadline else {
                if process.isRunning { process.terminate() }
                throw Failure(description: "\(server.name) did not answer on 127.0.0.1:\(port) within \(Int(timeout)) s")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        return OwnServer(process: process)
    }

    /// Stops the process and waits (with a deadline) until the port no longer answers.
    func stop(timeout: Double = 10) async {
        process.terminate()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { try? await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
