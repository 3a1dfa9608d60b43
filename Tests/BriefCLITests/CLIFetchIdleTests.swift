import BriefTestServer
import Foundation
import Synchronization
import Testing

/// `brief fetch` waiting on a silent server sleeps: issue 13 found URLSession's Linux transport spinning on the
/// socket's write readiness for as long as a server stayed silent (7.5 s of system time in a 20 s timeout).
@Suite("brief fetch: waiting costs no CPU")
struct CLIFetchIdleTests {
    @Test("While a server keeps silent for 3 s after the request, brief fetch uses under 10% of a core")
    func silentServer() async throws {
        // Given a feed whose server, once the request is in, stays silent for 3 s and measures brief's CPU meanwhile
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("brief.sqlite").path
        let server = try TestHTTPServer()
        defer { server.stop() }
        let pid = Mutex<Int32?>(nil)
        let used = Mutex<Int?>(nil)
        let ticksPerSecond = ProcessCPU.ticksPerSecond
        server.route("/silent") { _ in
            let deadline = Date().addingTimeInterval(60)
            while pid.withLock({ $0 }) == nil && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
            guard let process = pid.withLock({ $0 }), let before = ProcessCPU.ticks(process) else { return .ok("") }
            // The silence: brief has sent its request and waits for the answer.
            Thread.sleep(forTimeInterval: 3)
            if let after = ProcessCPU.ticks(process) { used.withLock { $0 = after - before } }
            return .ok("<rss version=\"2.0\"><channel><title>Silent Desk</title><item><title>Late news</title>"
                       + "<link>https://silent.example/1</link></item></channel></rss>")
        }
        try await CLIFeedFormsTests.subscribe([server.url("/silent").absoluteString], db: db, in: dir)
        // When brief fetch runs against it
        let status = try await ProcessSlots.shared.withSlot {
            let process = Process()
            process.executableURL = BriefProcess.binaryURL
            process.arguments = ["fetch", "--db", db]
            process.environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            pid.withLock { $0 = process.processIdentifier }
            try await BriefProcess.waitForExit(process)
            return process.terminationStatus
        }
        // Then the fetch succeeded, and the 3 s of waiting cost under 0.3 s of CPU (a spinning wait costs seconds)
        #expect(status == 0)
        let ticks = try #require(used.withLock { $0 }, "the server never measured brief's CPU")
        #expect(ticks < 3 * ticksPerSecond / 10, "\(ticks) ticks of CPU at \(ticksPerSecond) a second while waiting 3 s")
    }
}
