#if os(Linux)
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Glibc
import Synchronization

/// One HTTP transfer through libcurl's easy interface on a thread of its own (see `LibCurl` for why not
/// URLSession on Linux): the same limits and the same `FeedDownload.Ending` as `FeedDownload`. While the server is
/// silent the thread sleeps in `poll`; cancellation and the caps are checked from libcurl's callbacks.
final class CurlDownload: Sendable {
    private let options: FeedFetchOptions
    private let cancelled = Atomic<Bool>(false)

    init(options: FeedFetchOptions) {
        self.options = options
    }

    /// Runs the transfer of `request` to its end; nil when libcurl cannot be loaded (use `FeedDownload`).
    static func run(_ request: URLRequest, options: FeedFetchOptions) async -> FeedDownload.Ending? {
        guard LibCurl.load() != nil else { return nil }
        let download = CurlDownload(options: options)
        let url = request.url?.absoluteString ?? ""
        let headers = (request.allHTTPHeaderFields ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                Thread.detachNewThread {
                    continuation.resume(returning: download.perform(url: url, headers: headers))
                }
            }
        } onCancel: {
            download.cancelled.store(true, ordering: .relaxed)
        }
    }

    /// What the callbacks see, reached through libcurl's user-data pointer; used on the transfer's thread only.
    private final class Transfer {
        let maxBytes: Int
        let cancelled: () -> Bool
        var body = Data()
        var stoppedForSize = false
        var wasCancelled = false
        /// The status of every response on the way (redirects included), and the last one's header fields.
        var statuses: [Int] = []
        var headers: [String: String] = [:]

        init(maxBytes: Int, cancelled: @escaping () -> Bool) {
            self.maxBytes = maxBytes
            self.cancelled = cancelled
        }

        static func from(_ pointer: UnsafeMutableRawPointer?) -> Transfer? {
            pointer.map { Unmanaged<Transfer>.fromOpaque($0).takeUnretainedValue() }
        }
    }

    private var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

    private func perform(url: String, headers: [String]) -> FeedDownload.Ending {
        var ending = FeedDownload.Ending(body: Data(), response: nil, error: nil, errorMessage: nil, stoppedForSize: false,
                                         stoppedForDeadline: false, stoppedForRedirects: false,
                                         allRedirectsPermanent: false)
        guard let curl = LibCurl.load(), let handle = curl.easyInit() else {
            ending.error = .unknown
            ending.errorMessage = "libcurl could not start a transfer"
            return ending
        }
        defer { curl.easyCleanup(handle) }
        let transfer = Transfer(maxBytes: options.maxBytes) { [self] in isCancelled }
        let context = Unmanaged.passRetained(transfer)
        defer { context.release() }
        var list: OpaquePointer?
        for header in headers { list = curl.slistAppend(list, header) }
        defer { curl.slistFreeAll(list) }
        var errorBuffer = [CChar](repeating: 0, count: 256)
        let started = ContinuousClock.now

        let code: Int32 = url.withCString { address in
            "".withCString { anyEncoding in
                errorBuffer.withUnsafeMutableBufferPointer { errors in
                    _ = curl.setPointer(handle, LibCurl.optURL, address)
                    _ = curl.setPointer(handle, LibCurl.optErrorBuffer, errors.baseAddress)
                    _ = curl.setPointer(handle, LibCurl.optHTTPHeader, UnsafeRawPointer(list))
                    // Every encoding libcurl can decode is offered, and the body arrives decoded.
                    _ = curl.setPointer(handle, LibCurl.optAcceptEncoding, anyEncoding)
                    _ = curl.setLong(handle, LibCurl.optNoSignal, 1)
                    _ = curl.setLong(handle, LibCurl.optProtocols, LibCurl.httpAndHTTPS)
                    _ = curl.setLong(handle, LibCurl.optRedirectProtocols, LibCurl.httpAndHTTPS)
                    _ = curl.setLong(handle, LibCurl.optFollowLocation, 1)
                    _ = curl.setLong(handle, LibCurl.optMaxRedirects, options.maxRedirects)
                    _ = curl.setLong(handle, LibCurl.optMaxFileSizeLarge, options.maxBytes)
                    // The request timeout: to connect, and for the longest silence (under 1 byte a second) after.
                    _ = curl.setLong(handle, LibCurl.optConnectTimeoutMS, Self.milliseconds(options.requestTimeout))
                    _ = curl.setLong(handle, LibCurl.optLowSpeedLimit, 1)
                    _ = curl.setLong(handle, LibCurl.optLowSpeedTime, max(1, Int(options.requestTimeout.rounded(.up))))
                    _ = curl.setLong(handle, LibCurl.optTimeoutMS, Self.milliseconds(options.resourceTimeout))
                    _ = curl.setPointer(handle, LibCurl.optWriteData, context.toOpaque())
                    _ = curl.setDataCallback(handle, LibCurl.optWriteFunction, Self.receiveBody)
                    _ = curl.setPointer(handle, LibCurl.optHeaderData, context.toOpaque())
                    _ = curl.setDataCallback(handle, LibCurl.optHeaderFunction, Self.receiveHeader)
                    _ = curl.setLong(handle, LibCurl.optNoProgress, 0)
                    _ = curl.setPointer(handle, LibCurl.optProgressData, context.toOpaque())
                    _ = curl.setProgressCallback(handle, LibCurl.optProgressFunction, Self.progress)
                    return curl.easyPerform(handle)
                }
            }
        }

        let elapsed = started.duration(to: .now)
        ending.body = transfer.body
        var status = 0
        _ = curl.getLong(handle, LibCurl.infoResponseCode, &status)
        var effective: UnsafePointer<CChar>?
        _ = curl.getString(handle, LibCurl.infoEffectiveURL, &effective)
        let finalURL = effective.flatMap { URL(string: String(cString: $0)) } ?? URL(string: url)
        let redirects = transfer.statuses.dropLast().filter { (300..<400).contains($0) }
        ending.allRedirectsPermanent = !redirects.isEmpty && redirects.allSatisfy { $0 == 301 || $0 == 308 }
        switch code {
        case LibCurl.ok:
            if let finalURL, status > 0 {
                ending.response = HTTPURLResponse(url: finalURL, statusCode: status, httpVersion: "HTTP/1.1",
                                                  headerFields: transfer.headers)
            }
        case LibCurl.writeError where transfer.stoppedForSize, LibCurl.fileSizeExceeded:
            ending.stoppedForSize = true
            ending.body = Data()
        case LibCurl.abortedByCallback where transfer.wasCancelled:
            ending.error = .cancelled
        case LibCurl.tooManyRedirects:
            ending.stoppedForRedirects = true
        case LibCurl.operationTimedOut:
            // Which limit it was: the whole fetch's deadline, or a silence longer than the request timeout.
            if elapsed >= .milliseconds(Self.milliseconds(options.resourceTimeout) - 50) {
                ending.stoppedForDeadline = true
            } else {
                ending.error = .timedOut
            }
        case LibCurl.couldNotResolveHost:
            ending.error = .cannotFindHost
        case LibCurl.couldNotConnect:
            var osError = 0
            _ = curl.getLong(handle, LibCurl.infoOSErrno, &osError)
            ending.error = osError == Int(ETIMEDOUT) ? .timedOut : osError == Int(ECONNREFUSED) ? .cannotConnectToHost : .unknown
        case LibCurl.unsupportedProtocol:
            ending.error = .unsupportedURL
        default:
            ending.error = .unknown
        }
        if ending.error == .unknown {
            let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            ending.errorMessage = detail.isEmpty ? curl.strerror(code).map { String(cString: $0) } : detail
        }
        return ending
    }

    private static func milliseconds(_ seconds: TimeInterval) -> Int {
        max(1, Int((seconds * 1000).rounded()))
    }

    // MARK: libcurl callbacks (C functions: no captures, the transfer comes through the user-data pointer)

    /// Body bytes: kept until they pass the cap, which stops the transfer (returning less than given).
    private static let receiveBody: LibCurl.DataCallback = { bytes, size, count, user in
        guard let transfer = Transfer.from(user), let bytes else { return 0 }
        let length = size * count
        if transfer.body.count + length > transfer.maxBytes {
            transfer.stoppedForSize = true
            return 0
        }
        bytes.withMemoryRebound(to: UInt8.self, capacity: length) { transfer.body.append($0, count: length) }
        return length
    }

    /// One header line: a status line starts a response (a redirect's, or the last), a field joins its headers.
    private static let receiveHeader: LibCurl.DataCallback = { bytes, size, count, user in
        guard let transfer = Transfer.from(user), let bytes else { return 0 }
        let length = size * count
        let line = bytes.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }.trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            let parts = line.split(separator: " ", maxSplits: 2)
            let status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
            // An interim 1xx answer is not a response of its own.
            if !(100..<200).contains(status) {
                transfer.statuses.append(status)
                transfer.headers = [:]
            }
        } else if let colon = line.firstIndex(of: ":") {
            let name = String(line[..<colon]).trimmingCharacters(in: .whitespaces)
            let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            if !name.isEmpty, transfer.headers[name] == nil { transfer.headers[name] = value }
        }
        return length
    }

    /// Called at least once a second, idle or not: a cancelled fetch stops here.
    private static let progress: LibCurl.ProgressCallback = { user, _, _, _, _ in
        guard let transfer = Transfer.from(user) else { return 0 }
        if transfer.cancelled() {
            transfer.wasCancelled = true
            return 1
        }
        return 0
    }
}
#endif
