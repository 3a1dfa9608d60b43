import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A sync server started by `scripts/ttrss-server start` or `scripts/fever-server start`, as its env file
/// describes it. The live tests run only when one is up; each test makes its own user so tests running in parallel
/// cannot see each other's feeds or marks.
struct SyncServer: Sendable {
    let name: String
    let url: URL
    let port: UInt16
    /// A folder the server's test-feed server serves, and its address as the sync server must fetch it.
    let feedsDirectory: URL
    let feedsURL: String

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let ttrss = load("ttrss", prefix: "TTRSS")
    static let fever = load("fever", prefix: "FEVER")

    static let ttrssSkip: Comment = "skipped: no sync server (run scripts/ttrss-server install && scripts/ttrss-server start to enable)"
    static let feverSkip: Comment = "skipped: no sync server (run scripts/fever-server install && scripts/fever-server start to enable)"

    /// The server when its env file exists and its port answers; nil otherwise.
    private static func load(_ name: String, prefix: String) -> SyncServer? {
        let file = repository.appendingPathComponent(".build-sync/\(name).env")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { values[parts[0]] = parts[1] }
        }
        guard let url = values["\(prefix)_URL"].flatMap(URL.init(string:)),
              let port = values["\(prefix)_PORT"].flatMap(UInt16.init),
              let feeds = values["\(prefix)_FEEDS_DIR"], let feedsURL = values["\(prefix)_FEEDS_URL"],
              answers(port: port)
        else { return nil }
        return SyncServer(name: name, url: url, port: port, feedsDirectory: URL(fileURLWithPath: feeds), feedsURL: feedsURL)
    }

    /// Whether something accepts connections on 127.0.0.1:port.
    static func answers(port: UInt16) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    /// A user name no other test uses.
    static func uniqueUser(_ label: String) -> String {
        "brief_\(label)_\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// Runs this server's script with `arguments`, the password (if any) on standard input.
    func script(_ arguments: [String], input: String? = nil) async throws {
        try await ScriptRun.run(Self.repository.appendingPathComponent("scripts/\(name)-server"), arguments, input: input)
    }

    /// Writes a feed file the server can fetch; returns its address as the sync server sees it.
    func publish(_ feed: String, as fileName: String) throws -> String {
        try feed.write(to: feedsDirectory.appendingPathComponent(fileName), atomically: true, encoding: .utf8)
        return feedsURL + fileName
    }

    func unpublish(_ fileName: String) {
        try? FileManager.default.removeItem(at: feedsDirectory.appendingPathComponent(fileName))
    }
}
