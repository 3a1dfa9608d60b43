import BriefLibrary
import BriefModel
import BriefStore
import BriefSync
import BriefTestServer
import Foundation
import Testing

/// The whole sync (engine and `brief sync`) against servers that answer badly, served by the project's loopback
/// `TestHTTPServer`: each ends the sync with one line naming the server, within the client's limits, with the cache and its
/// queue of marks exactly as they were. Run always (no real server needed). Serialized: two 100 MB answers at once
/// load the whole test process.
@Suite(.serialized)
struct SyncEngineHostileTests {
    /// Small limits so the cases end quickly (1 MiB, 3 redirects), loose enough for a loaded machine.
    static let limits = HTTPLimits(maxBytes: 1_048_576, idleTimeout: 5, totalTimeout: 8, maxRedirects: 3)
    static let huge = Data(repeating: UInt8(ascii: " "), count: 100 * 1_000_000)

    enum Hostility: String, CaseIterable, Sendable {
        case html, garbage, hugeAnnounced, hugeUnannounced, redirectLoop, slowLoris, tls

        /// The one answer the server gives to every request.
        var response: TestHTTPServer.Response {
            switch self {
            case .html, .tls:
                .ok("<!DOCTYPE html><html><head><title>Sign in</title></head><body><form></form></body></html>",
                    type: "text/html; charset=utf-8")
            case .garbage: .ok("{\"seq\":0,\"status\":0,\"content\":{\"session_id\":\"ab\u{0}", type: "application/json")
            case .hugeAnnounced: TestHTTPServer.Response(status: 200, headers: [("Content-Type", "application/json")],
                                                         body: SyncEngineHostileTests.huge)
            case .hugeUnannounced: TestHTTPServer.Response(status: 200, headers: [("Content-Type", "application/json")],
                                                           body: SyncEngineHostileTests.huge, omitsLength: true)
            case .redirectLoop: .redirect(302, to: "/api/?again")
            // A byte every few milliseconds: never idle long enough for the stall limit, never done.
            case .slowLoris: TestHTTPServer.Response(status: 200, headers: [("Content-Type", "application/json")],
                                                     body: Data(repeating: UInt8(ascii: " "), count: 512 * 1024), trickle: 0.2)
            }
        }

        func check(_ error: String, api: String) {
            let expected: String? = switch self {
            case .html: SyncError.html(url: api).description
            case .hugeAnnounced, .hugeUnannounced: SyncError.tooLarge(url: api, limit: SyncEngineHostileTests.limits.maxBytes).description
            case .redirectLoop: SyncError.tooManyRedirects(url: api, limit: SyncEngineHostileTests.limits.maxRedirects).description
            case .slowLoris: SyncError.timedOut(url: api, seconds: SyncEngineHostileTests.limits.totalTimeout).description
            case .garbage, .tls: nil
            }
            if let expected { #expect(error == expected) }
            if self == .garbage { #expect(error.hasPrefix("sync server \(api) answered malformed JSON")) }
            if self == .tls { #expect(error.hasPrefix("sync server \(api): TLS failed")) }
        }
    }

    /// A cache whose account is at `url`, with three synced stories, one read and one starred here since (queued).
    static func cache(account url: URL) throws -> (directory: URL, store: Store) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("brief-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try Store(path: directory.appendingPathComponent("cache.sqlite").path)
        let feed = "https://norland-courier.example/news.xml"
        try store.addFeed(url: feed)
        let items = (1...3).map { number in
            FeedItem(id: "https://norland-courier.example/\(number)", link: "https://norland-courier.example/\(number)",
                     title: "Harbour council vote \(number)", content: .html("<p>Minister Ilse Varga spoke on day \(number).</p>"))
        }
        _ = try store.importFeedItems(feedURL: feed, items: FeedImportItem.prepare(items, source: "Norland Courier", annotate: { $0 }))
        try store.setSyncAccount(kind: "ttrss", url: url.absoluteString, user: "ann")
        let stories = try store.storyIDs(inFeed: feed)
        try store.linkServerItems(zip([101, 102, 103], stories).map { (serverID: $0, storyID: $1, feedID: Optional(7)) },
                                  lastItemID: 103)
        _ = try store.setRead(true, ids: [stories[0]])
        _ = try store.setStarred(true, ids: [stories[1]])
        return (directory, store)
    }

    /// A server giving `hostility`'s answer to everything, and a cache whose account is that server.
    static func hostile(_ hostility: Hostility) throws -> (TestHTTPServer, URL, URL, Store) {
        let server = try TestHTTPServer()
        server.route("/api/", hostility.response)
        let base = hostility == .tls ? URL(string: "https://127.0.0.1:\(server.port)/")! : server.url("/")
        let (directory, store) = try cache(account: base)
        return (server, base, directory, store)
    }

    @Test(arguments: Hostility.allCases)
    func givenAHostileServer_whenSyncing_thenOneLine_inBoundedTime_andTheQueueAndCacheAreUntouched(_ hostility: Hostility) async throws {
        let (server, base, directory, store) = try Self.hostile(hostility)
        defer {
            server.stop()
            try? FileManager.default.removeItem(at: directory)
        }
        let queued = try store.queuedMarks()
        #expect(queued.count == 2)
        let stories = try store.summaries(unreadOnly: false)

        let client = TTRSSClient(baseURL: base, user: "ann", password: "secret-pw", limits: Self.limits)
        let engine = SyncEngine(store: store, service: TTRSSService(client: client), annotate: { $0 })
        // Bounded time is the client's limits at work (the slow loris ends in `timedOut` after `totalTimeout`);
        // no wall-clock assertion here: on a loaded machine the test's own scheduling dominates.
        let report = await engine.run()

        #expect(report.failures.count == 1)
        let line = try #require(report.failures.first)
        #expect(!line.contains("\n") && !line.contains("secret-pw"))
        hostility.check(line, api: base.absoluteString + "api/")
        #expect(try store.queuedMarks() == queued, "the queue exactly as it was")
        #expect(try store.summaries(unreadOnly: false) == stories, "the cache exactly as it was")
        #expect(try store.syncAccount()?.lastItemID == 103)
    }

    /// `brief sync` itself: one `brief: sync:` line and exit status 1 for each, the queue kept. Its own limits are
    /// the real ones (32 MiB; a slow loris would take its 180 s deadline, left to the engine test above), and its
    /// peak memory stays below what holding the 100 MB answer would take.
    @Test(arguments: [Hostility.html, .garbage, .hugeUnannounced, .redirectLoop, .tls])
    func givenAHostileServer_whenBriefSyncRuns_thenOneLineAndExitStatus1_andTheQueueIsKept(_ hostility: Hostility) async throws {
        let (server, base, directory, store) = try Self.hostile(hostility)
        defer {
            server.stop()
            try? FileManager.default.removeItem(at: directory)
        }
        let queued = try store.queuedMarks()
        let peakFile = directory.appendingPathComponent("peak-kb").path
        let environment = ["PATH": "/usr/bin:/bin", "HOME": directory.path, "LANG": "C.UTF-8",
                           "BRIEF_DB": directory.appendingPathComponent("cache.sqlite").path,
                           "XDG_CONFIG_HOME": directory.appendingPathComponent("config").path, "BRIEF_PASSWORD": "secret-pw"]
        // GNU time reports the peak resident size of the run in KiB.
        let output = try await ScriptRun.capture(URL(fileURLWithPath: "/usr/bin/time"),
                                                 ["-f", "%M", "-o", peakFile, SyncCLILiveTests.brief.path, "sync"],
                                                 input: nil, environment: environment)
        #expect(output.status == 1)
        let lines = output.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(output.stderr)")
        #expect(output.stderr.hasPrefix("brief: sync: sync server \(base.absoluteString)api/"))
        #expect(try store.queuedMarks().map(\.storyID) == queued.map(\.storyID))
        #expect(try store.queuedMarkCount() == 2)
        // Its last line (before it, time notes a non-zero exit).
        let report = try String(contentsOfFile: peakFile, encoding: .utf8)
        let peak = try #require(report.split(separator: "\n").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) })
        // About 100 MB without any answer (the tagger's model); the 32 MiB cap adds at most that much again. Holding
        // the 100 MB answer would pass 200 MB.
        #expect(peak < 180_000, "peak \(peak) KiB")
    }
}
