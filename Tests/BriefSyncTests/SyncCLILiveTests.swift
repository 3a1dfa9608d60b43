import BriefLibrary
import BriefStore
import BriefSync
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `brief account` and `brief sync` run as a user runs them, against a real tt-rss (scripts/ttrss-server). Safe under
/// the parallel runner: each test has its own server user, feed files, cache and config directory.
@Suite(.enabled(if: SyncServer.ttrss != nil, SyncServer.ttrssSkip))
struct SyncCLILiveTests {
    let server = SyncServer.ttrss!

    /// The built `brief` beside the test bundle.
    static let brief: URL = {
        var directory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("brief").path), directory.path != "/" {
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("brief")
    }()

    /// Runs `brief` with the fixture's cache and config directory and nothing else of this process's environment.
    func brief(_ arguments: [String], _ fixture: SyncAccountFixture, input: String? = nil, extra: [String: String] = [:],
               started: @Sendable (Int32) -> Void = { _ in }) async throws -> ScriptRun.Output {
        var environment = ["PATH": "/usr/bin:/bin", "HOME": fixture.directory.path, "LANG": "C.UTF-8",
                           "BRIEF_DB": fixture.cachePath,
                           "XDG_CONFIG_HOME": fixture.directory.appendingPathComponent("config").path]
        environment.merge(extra) { _, new in new }
        return try await ScriptRun.capture(Self.brief, arguments, input: input, environment: environment, started: started)
    }

    func secretsFile(_ fixture: SyncAccountFixture) -> String {
        fixture.directory.appendingPathComponent("config/brief/secrets.json").path
    }

    @Test func givenAPasswordCommand_whenAddingTheAccount_thenItIsListed_thePasswordOnlyInA0600File_andRemoveForgetsBoth() async throws {
        let fixture = try await SyncAccountFixture.make(server, label: "cliadd")
        let base = server.url.absoluteString
        let added = try await brief(["account", "add", "ttrss", base, "--user", fixture.user,
                                     "--password-command", "printf '%s\\n' '\(fixture.password)'"], fixture)
        #expect(added.status == 0, "\(added.stderr)")
        let listed = try await brief(["account", "list"], fixture)
        #expect(listed.stdout.hasPrefix("ttrss\t\(base)\t\(fixture.user)\tnever synced\t0 marks waiting"))

        let secrets = secretsFile(fixture)
        let mode = try FileManager.default.attributesOfItem(atPath: secrets)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try String(contentsOfFile: secrets, encoding: .utf8).contains(fixture.password))
        for suffix in ["", "-wal"] {
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: fixture.cachePath + suffix))) ?? Data()
            #expect(bytes.range(of: Data(fixture.password.utf8)) == nil, "the password is not in the cache")
        }

        let removed = try await brief(["account", "remove"], fixture)
        #expect(removed.status == 0)
        #expect(try await brief(["account", "list"], fixture).stdout.isEmpty)
        #expect(try !String(contentsOfFile: secrets, encoding: .utf8).contains(fixture.password))
        let again = try await brief(["account", "remove"], fixture)
        #expect(again.status == 1 && again.stderr == "brief: account remove: there is no sync account\n")
        await fixture.cleanUp()
    }

    @Test func givenAWrongPassword_whenAddingOrSyncing_thenOneLineAndExitStatus1_andNoMarkIsLost() async throws {
        let fixture = try await SyncAccountFixture.make(server, label: "cliwrong")
        let base = server.url.absoluteString
        let refused = try await brief(["account", "add", "ttrss", base, "--user", fixture.user], fixture,
                                      extra: ["BRIEF_PASSWORD": "wrong"])
        #expect(refused.status == 1)
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(refused.stderr.contains("refused the login of \(fixture.user)") && refused.stderr.contains("no account was added"))
        #expect(try fixture.store.syncAccount() == nil)

        // The password from standard input (not a terminal), then a first sync.
        let feed = try await fixture.serverFeed(3)
        #expect(try await brief(["account", "add", "ttrss", base, "--user", fixture.user], fixture,
                                input: fixture.password + "\n").status == 0)
        let first = try await brief(["sync"], fixture)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.isEmpty && first.stderr.isEmpty, "quiet when piped")
        let stories = try fixture.storyIDs(feed.url)
        #expect(stories.count == 3)
        let listed = try await brief(["feed", "list"], fixture).stdout
        #expect(listed.hasPrefix(feed.url) && listed.contains("\tsynced by the server (name and folder here are local)"))
        #expect(try await brief(["mark", "read", String(stories[0])], fixture).status == 0)

        // The password changed on the server since.
        try await server.script(["adduser", fixture.user], input: "changed \(fixture.password)\n")
        let failed = try await brief(["sync"], fixture)
        #expect(failed.status == 1)
        #expect(failed.stderr.split(separator: "\n").count == 1)
        #expect(failed.stderr.hasPrefix("brief: sync: sync server") && failed.stderr.contains(fixture.user))
        #expect(try fixture.store.queuedMarkCount() == 1)
        #expect(try fixture.readIDs() == [stories[0]])
        #expect(try await brief(["account", "list"], fixture).stdout.contains("1 marks waiting"))
        await fixture.cleanUp()
    }

    @Test func givenASyncKilledWithSIGKILL_whenSyncingAgain_thenNoStoryIsStoredTwice_andNoMarkIsLost() async throws {
        let fixture = try await SyncAccountFixture.make(server, label: "clikill")
        let feed = try await fixture.serverFeed(200)
        try fixture.addAccount()
        try AccountSecrets(path: secretsFile(fixture)).setPassword(
            fixture.password, for: AccountSecrets.key(kind: "ttrss", url: server.url.absoluteString, user: fixture.user))
        #expect(try await brief(["sync"], fixture).status == 0)
        let stories = try fixture.storyIDs(feed.url)
        #expect(stories.count == 200)
        // 120 marks queued, and 400 more items on the server for the next sync to store.
        try fixture.store.setRead(true, ids: Array(stories.prefix(120)))
        let more = TestFeed.entries(600, tag: "\(fixture.user)-main")
        _ = try server.publish(TestFeed.rss(title: "Norland main \(fixture.user)", entries: more), as: "\(fixture.user)-main.xml")
        try await server.script(["update", String(feed.id)])

        let store = fixture.store
        let killed = try await brief(["sync"], fixture) { pid in
            // Killed once the sync has stored its first new items (or has ended, when it was quicker).
            Thread.detachNewThread {
                let deadline = Date().addingTimeInterval(120)
                while Date() < deadline, kill(pid, 0) == 0, ((try? store.count()) ?? 0) <= 200 { usleep(5_000) }
                kill(pid, SIGKILL)
            }
        }
        #expect(killed.status != 0 || killed.stderr.isEmpty)

        let again = try await brief(["sync"], fixture)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try fixture.store.count() == 600, "no story stored twice")
        #expect(Set(try fixture.store.serverItems().values).count == 600)
        #expect(try fixture.store.queuedMarkCount() == 0)
        let state = try await fixture.serverState(feedID: feed.id)
        #expect(state.ids.count == 600)
        #expect(state.unread.count == 480, "the 120 marks reached the server, once each")
        #expect(try fixture.readIDs() == Set(stories.prefix(120)))
        await fixture.cleanUp()
    }

    /// Items come as the feed had them (`sanitize: false` spares the server its sanitiser): Brief's own reading of
    /// HTML drops scripts, styles and frames, and what it shows carries no escape sequence or bidi control.
    @Test func givenHostileHTMLInAServerItem_whenSyncedAndShown_thenNoScriptEscapeOrBidiControlReachesTheOutput() async throws {
        let fixture = try await SyncAccountFixture.make(server, label: "clihostile")
        let html = """
            <p>Minister Alva Renholt said talks would resume.</p><script>document.write('Norland leak')</script>\
            <style>p { color: red }</style><iframe src="http://example.org/frame">framed text</iframe>\
            <p onclick="steal()">Second &#x1b;[2Jparagraph &#x1b;]52;c;Y2xpcA==&#x07;kept \u{202E}reversed\u{202C} \
            <a href="javascript:alert(1)">here</a>.</p>
            """
        let title = "Norland border note \u{202E}evil\u{202C} \(fixture.user)"
        let rss = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
            <title>Hostile \(fixture.user)</title><link>http://example.org/</link><description>Test</description>
            <item><title>\(title)</title><link>http://example.org/\(fixture.user)/1</link>
            <guid isPermaLink="false">urn:brief:\(fixture.user):hostile</guid><pubDate>\(TestFeed.rfc822(Date()))</pubDate>
            <content:encoded><![CDATA[\(html)]]></content:encoded></item>
            </channel></rss>
            """
        let url = try server.publish(rss, as: "\(fixture.user)-main.xml")
        let feedID = try await fixture.client.subscribe(to: url)
        try await server.script(["update", String(feedID)])
        // The server hands the markup over as the feed had it.
        let served = try await fixture.client.headlinePage(feedID: feedID, showContent: true)
        #expect(served.first?.content?.contains("<script>") == true)
        try fixture.addAccount()
        try AccountSecrets(path: secretsFile(fixture)).setPassword(
            fixture.password, for: AccountSecrets.key(kind: "ttrss", url: server.url.absoluteString, user: fixture.user))
        let synced = try await brief(["sync"], fixture)
        #expect(synced.status == 0, "\(synced.stderr)")
        let stories = try fixture.storyIDs(url)
        #expect(stories.count == 1)

        let shown = try await brief(["show", String(stories.first ?? 0)], fixture)
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("Minister Alva Renholt said talks would resume."))
        #expect(shown.stdout.contains("kept") && shown.stdout.contains("reversed") && shown.stdout.contains("here"))
        for hostile in ["Norland leak", "document.write", "color: red", "framed text", "steal", "javascript:", "Y2xpcA==",
                        "\u{1B}", "\u{07}", "\u{202E}", "\u{202C}"] {
            #expect(!shown.stdout.contains(hostile), "\(hostile.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        let listed = try await brief(["list"], fixture)
        #expect(listed.stdout.contains("Norland border note") && !listed.stdout.contains("\u{202E}"))
        await fixture.cleanUp()
    }
}
