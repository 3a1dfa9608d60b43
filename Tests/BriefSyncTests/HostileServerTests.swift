import BriefSync
import Foundation
import Testing

/// Both clients against servers that answer badly: each failure is one line naming the server, in bounded time
/// and memory. These run always (the hostile server is the test's own, on loopback). Serialized: two 100 MB answers
/// at once load the whole test process. The error kind proves which limit ended an exchange; the time bound
/// (`bound`) is loose because the parallel runner on a loaded 2-core machine stalls everything for tens of seconds.
@Suite(.serialized)
struct HostileServerTests {
    /// Small limits so the cases finish quickly (1 MiB, 3 redirects), with times loose enough for a loaded machine:
    /// 5 s without a byte, 8 s in all.
    static let limits = HTTPLimits(maxBytes: 1_048_576, idleTimeout: 5, totalTimeout: 8, maxRedirects: 3)

    /// Far below the hostile server's own lifetime for a slow loris (300 s), far above the limits.
    static let bound = 100.0

    private func ttrssError(_ behaviour: HostileServer.Behaviour, tls: Bool = false) async throws -> (SyncError, Double, HostileServer) {
        let server = try HostileServer(behaviour)
        let client = TTRSSClient(baseURL: tls ? server.tlsURL : server.url, user: "ann", password: "secret-pw", limits: Self.limits)
        let started = Date()
        let error = try await #require(throws: SyncError.self) { try await client.feeds() }
        let elapsed = Date().timeIntervalSince(started)
        server.stop()
        #expect(!error.description.contains("\n"))
        #expect(!error.description.contains("secret-pw"))
        #expect(error.description.contains("127.0.0.1:\(server.port)"))
        return (error, elapsed, server)
    }

    @Test func givenAServerAnsweringHTML_whenTTRSSLogsIn_thenOneLineSaysItIsAWebPage() async throws {
        let (error, _, server) = try await ttrssError(.html)
        #expect(error == .html(url: "http://127.0.0.1:\(server.port)/api/"))
    }

    @Test func givenGarbageJSON_whenTTRSSLogsIn_thenOneLineSaysMalformed() async throws {
        let (error, _, _) = try await ttrssError(.garbage)
        guard case .malformed = error else { Issue.record("got \(error)"); return }
    }

    // The client keeps at most `maxBytes` of an answer. How soon the transfer itself stops after the refusal is
    // up to URLSession: alone it stops within ~0.1 s; under the parallel runner's load it was seen to run to the
    // whole-exchange deadline, so only the error and the deadline are asserted.
    @Test func givenA100MBAnswerWithItsLength_whenTTRSSLogsIn_thenItIsRefused() async throws {
        let (error, elapsed, server) = try await ttrssError(.huge(announced: true))
        #expect(error == .tooLarge(url: "http://127.0.0.1:\(server.port)/api/", limit: Self.limits.maxBytes))
        #expect(elapsed < Self.bound)
    }

    @Test func givenA100MBAnswerWithoutLength_whenTTRSSLogsIn_thenReadingStopsAtTheCap() async throws {
        let (error, elapsed, server) = try await ttrssError(.huge(announced: false))
        #expect(error == .tooLarge(url: "http://127.0.0.1:\(server.port)/api/", limit: Self.limits.maxBytes))
        #expect(elapsed < Self.bound)
    }

    @Test func givenARedirectLoop_whenTTRSSLogsIn_thenOneLineSaysTooManyRedirects() async throws {
        let (error, elapsed, server) = try await ttrssError(.redirectLoop)
        #expect(error == .tooManyRedirects(url: "http://127.0.0.1:\(server.port)/api/", limit: Self.limits.maxRedirects))
        #expect(elapsed < Self.bound)
    }

    @Test func givenASlowLoris_whenTTRSSLogsIn_thenTheWholeExchangeDeadlineEndsIt() async throws {
        let (error, elapsed, server) = try await ttrssError(.slowLoris)
        #expect(error == .timedOut(url: "http://127.0.0.1:\(server.port)/api/", seconds: Self.limits.totalTimeout))
        #expect(elapsed < Self.bound)
    }

    @Test func givenAServerWithoutTLS_whenTheClientUsesHTTPS_thenOneLineSaysTLSFailed() async throws {
        let (error, elapsed, _) = try await ttrssError(.html, tls: true)
        guard case .tls = error else { Issue.record("got \(error)"); return }
        #expect(elapsed < Self.bound)
    }

    @Test func givenNothingListening_whenTTRSSLogsIn_thenOneLineSaysUnreachable() async throws {
        let port = try FreePort.pick()
        let client = TTRSSClient(baseURL: URL(string: "http://127.0.0.1:\(port)/")!, user: "ann", password: "pw", limits: Self.limits)
        let error = try await #require(throws: SyncError.self) { try await client.apiLevel() }
        #expect(error == .unreachable(url: "http://127.0.0.1:\(port)/api/", reason: "connection refused"))
    }

    // The size cap is the shared transport's, tested above; here Fever's own reading of each bad answer.
    @Test(arguments: [HostileServer.Behaviour.html, .garbage, .redirectLoop, .slowLoris])
    func givenAHostileServer_whenFeverAsksForUnreadIDs_thenOneLineInBoundedTime(_ behaviour: HostileServer.Behaviour) async throws {
        let server = try HostileServer(behaviour)
        let client = FeverClient(baseURL: server.url, email: "ann@example.org", password: "secret-pw", limits: Self.limits)
        let started = Date()
        let error = try await #require(throws: SyncError.self) { try await client.unreadItemIDs() }
        server.stop()
        #expect(Date().timeIntervalSince(started) < Self.bound)
        #expect(!error.description.contains("\n"))
        #expect(error.description.contains("127.0.0.1:\(server.port)/fever/"))
    }
}
