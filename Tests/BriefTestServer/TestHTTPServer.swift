import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 server on 127.0.0.1 for tests: blocking sockets, one thread per connection, one request per
/// connection (`Connection: close`), routes set by the test. It serves until `stop()` (each test stops its own
/// with `defer`, so a test that waits long on a loaded machine still finds it running); as a safety net a server
/// nobody stops ends after ten minutes. It drops requests whose head passes 64 KiB, and every delay it is asked
/// for is cut short when it stops.
public final class TestHTTPServer: Sendable {
    public struct Request: Sendable {
        public var method: String
        /// The path with its query.
        public var target: String
        /// Header names lower-cased.
        public var headers: [String: String]
        /// The body, by `Content-Length` (the first MiB of it); read before answering, so closing the connection
        /// after the answer does not reset it.
        public var body = Data()
    }

    public struct Response: Sendable {
        public var status: Int
        public var headers: [(String, String)] = []
        public var body = Data()
        /// Seconds to wait before sending anything (a slow server).
        public var delay: TimeInterval = 0
        /// Leave out `Content-Length`, so the body ends when the connection closes.
        public var omitsLength = false
        /// Send the body 1 KiB at a time with this pause between pieces (a server that trickles).
        public var trickle: TimeInterval = 0

        public init(status: Int, headers: [(String, String)] = [], body: Data = Data(), delay: TimeInterval = 0,
                    omitsLength: Bool = false, trickle: TimeInterval = 0) {
            self.status = status
            self.headers = headers
            self.body = body
            self.delay = delay
            self.omitsLength = omitsLength
            self.trickle = trickle
        }

        public static func ok(_ body: String, type: String = "application/rss+xml", headers: [(String, String)] = []) -> Response {
            Response(status: 200, headers: [("Content-Type", type)] + headers, body: Data(body.utf8))
        }

        public static func redirect(_ status: Int, to location: String) -> Response {
            Response(status: status, headers: [("Location", location)])
        }
    }

    public typealias Handler = @Sendable (Request) -> Response

    private struct State {
        var routes: [String: Handler] = [:]
        var log: [Request] = []
        var stopped = false
        var openConnections = 0
        var mostConnections = 0
    }

    public let port: UInt16
    private let listener: Int32
    private let state = Mutex(State())
    /// How long a server that nobody stops keeps serving.
    private static let safetyLifetime: TimeInterval = 600

    /// Starts listening on an ephemeral port of 127.0.0.1.
    public init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError("socket() failed") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            close(fd)
            throw ServerError("bind/listen failed")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = UInt16(bigEndian: address.sin_port)
        let deadline = Date().addingTimeInterval(Self.safetyLifetime)
        Thread.detachNewThread { [self] in acceptLoop(until: deadline) }
    }

    deinit { stop() }

    /// Serves `handler` for requests to `path` (query ignored when matching).
    public func route(_ path: String, _ handler: @escaping Handler) {
        state.withLock { $0.routes[path] = handler }
    }

    /// Serves the same response every time.
    public func route(_ path: String, _ response: Response) {
        route(path) { _ in response }
    }

    public func url(_ path: String) -> URL {
        URL(string: "http://127.0.0.1:\(port)\(path)")!
    }

    /// Every request received so far, in arrival order.
    public var requests: [Request] { state.withLock { $0.log } }

    /// The largest number of connections that were open at once.
    public var peakConnections: Int { state.withLock { $0.mostConnections } }

    public func stop() {
        let wasRunning = state.withLock { state in
            defer { state.stopped = true }
            return !state.stopped
        }
        if wasRunning { shutdown(listener, Int32(SHUT_RDWR)) }
    }

    /// A port on 127.0.0.1 that nothing listens on: bound (so the system picks a free one), read and closed
    /// without ever listening.
    public static func closedPort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError("socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard named else { throw ServerError("bind failed") }
        return UInt16(bigEndian: address.sin_port)
    }

    // MARK: Serving

    private var isStopped: Bool { state.withLock { $0.stopped } }

    private func acceptLoop(until deadline: Date) {
        defer { close(listener) }
        while !isStopped && Date() < deadline {
            var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            Thread.detachNewThread { [self] in serve(client) }
        }
        state.withLock { $0.stopped = true }
    }

    private func serve(_ client: Int32) {
        state.withLock {
            $0.openConnections += 1
            $0.mostConnections = max($0.mostConnections, $0.openConnections)
        }
        defer {
            close(client)
            state.withLock { $0.openConnections -= 1 }
        }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard let request = readRequest(client) else {
            // Not HTTP (a TLS client's hello to an https address): a plain-text answer, which no TLS client accepts.
            _ = send(client, Data("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n".utf8))
            return
        }
        let path = String(request.target.split(separator: "?", maxSplits: 1).first ?? "")
        let handler = state.withLock { state -> Handler? in
            state.log.append(request)
            return state.routes[path]
        }
        let response = handler?(request) ?? Response(status: 404, body: Data("no route".utf8))
        var waited = 0.0
        while waited < response.delay && !isStopped {
            Thread.sleep(forTimeInterval: 0.05)
            waited += 0.05
        }
        var head = "HTTP/1.1 \(response.status) \(Self.reason(response.status))\r\nConnection: close\r\n"
        for (name, value) in response.headers { head += "\(name): \(value)\r\n" }
        if !response.omitsLength { head += "Content-Length: \(response.body.count)\r\n" }
        head += "\r\n"
        guard send(client, Data(head.utf8)) else { return }
        guard request.method != "HEAD" else { return }
        guard response.trickle > 0 else {
            _ = send(client, response.body)
            return
        }
        var offset = 0
        while offset < response.body.count && !isStopped {
            let end = min(offset + 1024, response.body.count)
            guard send(client, response.body.subdata(in: offset..<end)) else { return }
            offset = end
            Thread.sleep(forTimeInterval: response.trickle)
        }
    }

    private func readRequest(_ client: Int32) -> Request? {
        var buffer = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 4096)
        let terminator: [UInt8] = [13, 10, 13, 10]
        while buffer.count < 65_536 {
            let count = recv(client, &chunk, chunk.count, 0)
            guard count > 0 else { return nil }
            buffer.append(contentsOf: chunk[0..<count])
            // A TLS handshake record never ends like an HTTP head.
            if buffer.first == 0x16 { return nil }
            if let end = buffer.indices.dropLast(3).first(where: { Array(buffer[$0..<($0 + 4)]) == terminator }) {
                let head = String(decoding: buffer[0..<end], as: UTF8.self)
                var lines = head.components(separatedBy: "\r\n")
                let parts = lines.removeFirst().split(separator: " ")
                guard parts.count >= 2 else { return nil }
                var headers: [String: String] = [:]
                for line in lines {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
                var body = Data(buffer[(end + 4)...])
                let length = min(Int(headers["content-length"] ?? "") ?? 0, 1_048_576)
                while body.count < length {
                    let count = recv(client, &chunk, min(chunk.count, length - body.count), 0)
                    guard count > 0 else { break }
                    body.append(contentsOf: chunk[0..<count])
                }
                return Request(method: String(parts[0]), target: String(parts[1]), headers: headers,
                               body: body.prefix(length))
            }
        }
        return nil
    }

    /// Writes all of `data`, in pieces; false when the client has gone (no SIGPIPE: MSG_NOSIGNAL).
    private func send(_ client: Int32, _ data: Data) -> Bool {
        let bytes = [UInt8](data)
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + 16_384, bytes.count)
            let sent = bytes[offset..<end].withUnsafeBytes { Glibc.send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 301: return "Moved Permanently"
        case 302: return "Found"
        case 304: return "Not Modified"
        case 404: return "Not Found"
        default: return "Status"
        }
    }

    public struct ServerError: Error, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }
}
