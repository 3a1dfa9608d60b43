import BriefStore
import BriefTestServer
import Foundation
import Synchronization
import Testing

/// `brief sync` waiting on a silent server sleeps: sync's HTTP goes through the same libcurl client as `brief fetch`
/// (BriefHTTP), whose wait is a `poll`, where URLSession's Linux transport spun on the socket's write readiness.
@Suite("brief sync: waiting costs no CPU")
struct SyncIdleTests {
    @Test("While a sync server keeps silent for 3 s after the login request, brief sync uses under 10% of a core")
    func silentServer() async throws {
        // Given a sync server that, once the login request is in, stays silent for 3 s and measures brief's CPU
        let server = try TestHTTPServer()
        defer { server.stop() }
        let pid = Mutex<Int32?>(nil)
        let used = Mutex<Int?>(nil)
        server.route("/api/") { _ in
            let deadline = Date().addingTimeInterval(60)
            while pid.withLock({ $0 }) == nil && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
            guard let process = pid.withLock({ $0 }), let before = ProcessCPU.ticks(process) else { return .ok("") }
            Thread.sleep(forTimeInterval: 3)
            if let after = ProcessCPU.ticks(process) { used.withLock { $0 = after - before } }
            return .ok("{\"seq\":0,\"status\":1,\"content\":{\"error\":\"LOGIN_ERROR\"}}", type: "application/json")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("brief-sync-idle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = directory.appendingPathComponent("cache.sqlite").path
        try Store(path: cache).setSyncAccount(kind: "ttrss", url: server.url("/").absoluteString, user: "ann")

        // When brief sync runs against it
        let environment = ["PATH": "/usr/bin:/bin", "HOME": directory.path, "LANG": "C.UTF-8", "BRIEF_DB": cache,
                           "XDG_CONFIG_HOME": directory.appendingPathComponent("config").path, "BRIEF_PASSWORD": "pw"]
        let output = try await ScriptRun.capture(SyncCLILiveTests.brief, ["sync"], input: nil, environment: environment) { started in
            pid.withLock { $0 = started }
        }

        // Then the login was refused in one line, and the 3 s of waiting cost under 0.3 s of CPU (a spinning wait
        // costs seconds)
        #expect(output.status == 1)
        #expect(output.stderr.contains("refused the login of ann"), "\(output.stderr)")
        let ticks = try #require(used.withLock { $0 }, "the server never measured brief's CPU")
        let perSecond = ProcessCPU.ticksPerSecond
        #expect(ticks < 3 * perSecond / 10, "\(ticks) ticks of CPU at \(perSecond) a second while waiting 3 s")
    }
}
