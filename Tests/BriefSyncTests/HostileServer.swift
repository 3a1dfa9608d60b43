import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A small loopback server that answers every request in one hostile way, for the clients' bad-input tests:
/// blocking sockets, one thread per connection. It stops when the test calls `stop()`, and by itself after five
/// minutes as a safety net.
final class HostileServer: Sendable {
    enum Behaviour: Sendable {
        /// A login page where JSON belongs.
        case html
        /// Text that starts like JSON and breaks off.
        case garbage
        /// 100 MB of JSON-looking bytes; with or without announcing the length first.
        case huge(announced: Bool)
        /// A redirect to itself, forever.
        case redirectLoop
        /// The head at once, then one byte every 200 ms.
        case slowLoris
    }

    struct Failure: Error {}

    let port: UInt16
    let behaviour: Behaviour
    private let listener: Int32
    private let stopped = Mutex(false)
    static let hugeSize = 100 * 1_000_000

    init(_ behaviour: Behaviour) throws {
        self.behaviour = behaviour
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure() }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ready = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && listen(fd, 16) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard ready else { close(fd); throw Failure() }
        listener = fd
        port = UInt16(bigEndian: address.sin_port)
        let deadline = Date().addingTimeInterval(300)
        Thread.detachNewThread { [self] in acceptLoop(until: deadline) }
    }

    deinit { stop() }

    var url: URL { URL(string: "http://127.0.0.1:\(port)/")! }
    /// The same server addressed with https: it speaks no TLS, so the handshake fails.
    var tlsURL: URL { URL(string: "https://127.0.0.1:\(port)/")! }

    func stop() {
        let was = stopped.withLock { flag in defer { flag = true }; return !flag }
        if was { shutdown(listener, Int32(SHUT_RDWR)) }
    }

    private var isStopped: Bool { stopped.withLock { $0 } }

    private func acceptLoop(until deadline: Date) {
        defer { close(listener) }
        while !isStopped && Date() < deadline {
            var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            Thread.detachNewThread { [self] in serve(client) }
        }
        stopped.withLock { $0 = true }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard let target = readRequest(client) else {
            // Not HTTP (a TLS ClientHello): answer plain text, which no TLS client accepts.
            _ = write(client, Data("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".utf8))
            return
        }
        switch behaviour {
        case .html:
            respond(client, type: "text/html; charset=utf-8", body: "<!DOCTYPE html><html><head><title>Sign in</title></head><body><form></form></body></html>")
        case .garbage:
            respond(client, type: "application/json", body: "{\"seq\":0,\"status\":0,\"content\":[{\"id\":1,\"title\":\"Norl\u{0}")
        case .redirectLoop:
            let next = target.contains("?") ? target + "x" : target + "?x"
            _ = write(client, Data("HTTP/1.1 302 Found\r\nLocation: \(next)\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8))
        case .huge(let announced):
            let length = announced ? "Content-Length: \(Self.hugeSize)\r\n" : ""
            guard write(client, Data("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\(length)Connection: close\r\n\r\n".utf8)) else { return }
            let chunk = Data(repeating: UInt8(ascii: " "), count: 65_536)
            var total = 0
            while total < Self.hugeSize && !isStopped {
                guard write(client, chunk) else { return }
                total += chunk.count
            }
        case .slowLoris:
            guard write(client, Data("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n".utf8)) else { return }
            let started = Date()
            while !isStopped && Date().timeIntervalSince(started) < 300 {
                guard write(client, Data(" ".utf8)) else { return }
                Thread.sleep(forTimeInterval: 0.2)
            }
        }
    }

    private func respond(_ client: Int32, type: String, body: String) {
        let data = Data(body.utf8)
        _ = write(client, Data("HTTP/1.1 200 OK\r\nContent-Type: \(type)\r\nContent-Length: \(data.count)\r\nConnection: close\r\n\r\n".utf8) + data)
    }

    /// Reads the request head and its body (by Content-Length); returns the target, or nil for anything not HTTP.
    private func readRequest(_ client: Int32) -> String? {
        var buffer = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 4096)
        while buffer.count < 65_536 {
            let count = recv(client, &chunk, chunk.count, 0)
            guard count > 0 else { return nil }
            buffer.append(contentsOf: chunk[0..<count])
            if buffer.first == 0x16 { return nil }
            guard let end = buffer.indices.dropLast(3).first(where: { buffer[$0] == 13 && buffer[$0 + 1] == 10 && buffer[$0 + 2] == 13 && buffer[$0 + 3] == 10 }) else { continue }
            let head = String(decoding: buffer[0..<end], as: UTF8.self)
            let lines = head.split(separator: "\r\n")
            let length = lines.first { $0.lowercased().hasPrefix("content-length:") }
                .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
            var remaining = min(length, 1_000_000) - (buffer.count - end - 4)
            while remaining > 0 {
                let count = recv(client, &chunk, min(chunk.count, remaining), 0)
                guard count > 0 else { break }
                remaining -= count
            }
            let parts = lines.first?.split(separator: " ") ?? []
            return parts.count > 1 ? String(parts[1]) : "/"
        }
        return nil
    }

    private func write(_ client: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let count = send(client, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
    }
}
