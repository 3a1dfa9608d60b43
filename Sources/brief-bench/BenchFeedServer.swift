import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// A lean HTTP/1.1 server on 127.0.0.1 for the feeds benchmark: fixed bodies by path, one request per connection,
/// `ETag: "v1"` on every body and a 304 when the request already has it. Not for tests (they have their own,
/// with failure modes); this one only has to be fast and honest about conditional GET.
final class BenchFeedServer: Sendable {
    let port: UInt16
    private let listener: Int32
    private let bodies: [String: Data]
    private let stopped = Atomic(false)

    init(bodies: [String: Data]) throws {
        self.bodies = bodies
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let size = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, size) }
        }
        guard fd >= 0, bound == 0, listen(fd, 128) == 0 else {
            if fd >= 0 { close(fd) }
            throw BenchServerError()
        }
        var length = size
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = UInt16(bigEndian: address.sin_port)
        Thread.detachNewThread { [self] in
            while !stopped.load(ordering: .acquiring) {
                let client = accept(listener, nil, nil)
                guard client >= 0 else { continue }
                Thread.detachNewThread { [self] in serve(client) }
            }
            close(listener)
        }
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    func stop() {
        stopped.store(true, ordering: .releasing)
        shutdown(listener, Int32(SHUT_RDWR))
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        var head = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while head.count < 65_536 {
            let n = read(client, &buffer, buffer.count)
            guard n > 0 else { return }
            head += buffer[0..<n]
            if head.count >= 4, head.suffix(4) == [13, 10, 13, 10] { break }
        }
        let lines = String(decoding: head, as: UTF8.self).split(separator: "\r\n")
        let path = lines.first?.split(separator: " ").dropFirst().first.map(String.init) ?? "/"
        let cached = lines.contains { $0.lowercased().hasPrefix("if-none-match:") && $0.hasSuffix("\"v1\"") }
        var response: Data
        if let body = bodies[path] {
            let status = cached ? "304 Not Modified" : "200 OK"
            response = Data("HTTP/1.1 \(status)\r\nETag: \"v1\"\r\nContent-Type: application/rss+xml\r\n".utf8)
            response += Data("Content-Length: \(cached ? 0 : body.count)\r\nConnection: close\r\n\r\n".utf8)
            if !cached { response += body }
        } else {
            response = Data("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8)
        }
        response.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var sent = 0
            while sent < raw.count {
                let n = send(client, base + sent, raw.count - sent, Int32(MSG_NOSIGNAL))
                if n <= 0 { return }
                sent += n
            }
        }
    }

    struct BenchServerError: Error, CustomStringConvertible {
        var description: String { "cannot listen on 127.0.0.1" }
    }
}
