import BriefSync
import Foundation
import Testing

/// Both clients against servers that answer badly: each failure is one line naming the server, in bounded time
/// and memory. These run always (the hostile server is the test's own, on loopback). Serialized: two 100 MB answers
/// at once load the whole test process. The error kind proves which limit ended an exchange (a slow loris ends in
/// `timedOut` after `totalTimeout`); no wall-clock assertion, since under the parallel runner on a loaded 2-core
/// machine the test's own scheduling, not the client, decides how long a case takes.
@Suite(.serialized)
struct HostileServerTests {
    /// Small limits so the cases finish quickly (1 MiB, 3 redirects), with times loose enough for a loaded machine:
    /// 5 s without a byte, 8 s in all.
    static let limits = HTTPLimits(maxBytes: 1_048_576, idleTimeout: 5, totalTimeout: 8, maxRedirects: 3)

    private func ttrssError(_ behaviour: HostileServer.Behaviour, tls: Bool = false) async throws -> (SyncError, HostileServer) {
        let server = try HostileServer(behaviour)
        let client = TTRSSClient(baseURL: tls ? server.tlsURL : server.url, user: "ann", password: "secret-pw", limits: Self.limits)
        let error = try await #require(throws: SyncError.self) { try await client.feeds() }
        server.stop()
        #expect(!error.description.contains("\n"))
        #expect(!error.description.contains("secret-pw"))
        #expect(error.description.contains("127.0.0.1:\(server.port)"))
        return (error, server)
    }

    @Test func givenAServerAnsweringHTML_whenTTRSSLogsIn_thenOneLineSaysItIsAWebPage() async throws {
        let (error, server) = try await ttrssError(.html)
        #expect(error == .html(url: "http://127.0.0.1:\(server.port)/api/"))
    }

    @Test func givenGarbageJSON_whenTTRSSLogsIn_thenOneLineSaysMalformed() async throws {
        let (error, _) = try await ttrssError(.garbage)
        guard case .malformed = error else { Issue.record("got \(error)"); return }
    }

    // The client keeps at most `maxBytes` of an answer: the error says the cap refused it.
    @Test func givenA100MBAnswerWithItsLength_whenTTRSSLogsIn_thenItIsRefused() async throws {
        let (error, server) = try await ttrssError(.huge(announced: true))
        #expect(error == .tooLarge(url: "http://127.0.0.1:\(server.port)/api/", limit: Self.limits.maxBytes))
    }

    @Test func givenA100MBAnswerWithoutLength_whenTTRSSLogsIn_thenReadingStopsAtTheCap() async throws {
        let (error, server) = try await ttrssError(.huge(announced: false))
        #expect(error == .tooLarge(url: "http://127.0.0.1:\(server.port)/api/", limit: Self.limits.maxBytes))
    }

    @Test func givenARedirectLoop_whenTTRSSLogsIn_thenOneLineSaysTooManyRedirects() async throws {
        let (error, server) = try await ttrssError(.redirectLoop)
        #expect(error == .tooManyRedirects(url: "http://127.0.0.1:\(server.port)/api/", limit: Self.limits.maxRedirects))
    }

    @Test func givenASlowLoris_whenTTRSSLogsIn_thenTheWholeExchangeDeadlineEndsIt() async throws {
        let (error, server) = try await ttrssError(.slowLoris)
        #expect(error == .timedOut(url: "http://127.0.0.1:\(server.port)/api/", seconds: Self.limits.totalTimeout))
    }

    @Test func givenAServerWithoutTLS_whenTheClientUsesHTTPS_thenOneLineSaysTLSFailed() async throws {
        let (error, _) = try await ttrssError(.html, tls: true)
        guard case .tls = error else { Issue.record("got \(error)"); return }
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
        let error = try await #require(throws: SyncError.self) { try await client.unreadItemIDs() }
        server.stop()
        #expect(!error.description.contains("\n"))
        #expect(error.description.contains("127.0.0.1:\(server.port)/fever/"))
    }
}
