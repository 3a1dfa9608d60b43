import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// One HTTP exchange through libcurl's easy interface on a thread of its own (see `LibCurl` for why not URLSession
/// on Linux), for the feed fetcher and the sync clients alike: Brief's only HTTP client. While the server is silent
/// the thread sleeps in `poll`; cancellation and the caps are checked from libcurl's callbacks.
///
///     let request = CurlRequest(url: "https://rss.example.org/api/", body: json, headers: ["Content-Type: application/json"],
///                               maxBytes: 1 << 25, idleTimeout: 20, totalTimeout: 120, maxRedirects: 5)
///     guard let response = await CurlTransfer.run(request) else { /* no libcurl here: CurlTransfer.unavailable */ }
public final class CurlTransfer: Sendable {
    private let request: CurlRequest
    private let cancelled = Atomic<Bool>(false)

    private init(_ request: CurlRequest) {
        self.request = request
    }

    /// Why an exchange could not run, when libcurl cannot be loaded.
    public static let unavailable = "libcurl (libcurl.so.4) could not be loaded: install it (Debian: apt-get install libcurl4)"

    /// Whether libcurl can be loaded here (Linux, with libcurl installed).
    public static var isAvailable: Bool {
        #if os(Linux)
        LibCurl.load() != nil
        #else
        false
        #endif
    }

    /// Runs the exchange to its end; nil when libcurl cannot be loaded.
    public static func run(_ request: CurlRequest) async -> CurlResponse? {
        #if os(Linux)
        guard LibCurl.load() != nil else { return nil }
        let transfer = CurlTransfer(request)
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                Thread.detachNewThread {
                    continuation.resume(returning: transfer.perform())
                }
            }
        } onCancel: {
            transfer.cancelled.store(true, ordering: .relaxed)
        }
        #else
        return nil
        #endif
    }

    #if os(Linux)
    /// What the callbacks see, reached through libcurl's user-data pointer; used on the transfer's thread only.
    private final class Progress {
        let maxBytes: Int
        let cancelled: () -> Bool
        var body = Data()
        var stoppedForSize = false
        var wasCancelled = false
        var statuses: [Int] = []
        var headers: [String: String] = [:]

        init(maxBytes: Int, cancelled: @escaping () -> Bool) {
            self.maxBytes = maxBytes
            self.cancelled = cancelled
        }

        static func from(_ pointer: UnsafeMutableRawPointer?) -> Progress? {
            pointer.map { Unmanaged<Progress>.fromOpaque($0).takeUnretainedValue() }
        }
    }

    private func perform() -> CurlResponse {
        var response = CurlResponse(ending: .failed, status: 0, headers: [:], statuses: [], finalURL: nil, body: Data(),
                                    message: nil)
        guard let curl = LibCurl.load(), let handle = curl.easyInit() else {
            response.message = "libcurl could not start a transfer"
            return response
        }
        defer { curl.easyCleanup(handle) }
        let progress = Progress(maxBytes: request.maxBytes) { [self] in cancelled.load(ordering: .relaxed) }
        let context = Unmanaged.passRetained(progress)
        defer { context.release() }
        var list: OpaquePointer?
        // No "Expect: 100-continue" round trip before a body.
        for header in request.headers + (request.body == nil ? [] : ["Expect:"]) { list = curl.slistAppend(list, header) }
        defer { curl.slistFreeAll(list) }
        var errorBuffer = [CChar](repeating: 0, count: 256)
        let started = ContinuousClock.now

        let code: Int32 = request.url.withCString { address in
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
                    _ = curl.setLong(handle, LibCurl.optMaxRedirects, request.maxRedirects)
                    _ = curl.setLong(handle, LibCurl.optMaxFileSizeLarge, request.maxBytes)
                    _ = curl.setLong(handle, LibCurl.optConnectTimeoutMS, Self.milliseconds(request.idleTimeout))
                    _ = curl.setLong(handle, LibCurl.optLowSpeedLimit, 1)
                    _ = curl.setLong(handle, LibCurl.optLowSpeedTime, max(1, Int(request.idleTimeout.rounded(.up))))
                    _ = curl.setLong(handle, LibCurl.optTimeoutMS, Self.milliseconds(request.totalTimeout))
                    if let body = request.body {
                        _ = curl.setLong(handle, LibCurl.optPost, 1)
                        _ = curl.setLong(handle, LibCurl.optPostFieldSizeLarge, body.count)
                        // libcurl copies the bytes, so they need not outlive this call.
                        _ = body.withUnsafeBytes { curl.setPointer(handle, LibCurl.optCopyPostFields, $0.baseAddress) }
                    }
                    _ = curl.setPointer(handle, LibCurl.optWriteData, context.toOpaque())
                    _ = curl.setDataCallback(handle, LibCurl.optWriteFunction, Self.receiveBody)
                    _ = curl.setPointer(handle, LibCurl.optHeaderData, context.toOpaque())
                    _ = curl.setDataCallback(handle, LibCurl.optHeaderFunction, Self.receiveHeader)
                    _ = curl.setLong(handle, LibCurl.optNoProgress, 0)
                    _ = curl.setPointer(handle, LibCurl.optProgressData, context.toOpaque())
                    _ = curl.setProgressCallback(handle, LibCurl.optProgressFunction, Self.checkCancelled)
                    return curl.easyPerform(handle)
                }
            }
        }

        let elapsed = started.duration(to: .now)
        var status = 0
        _ = curl.getLong(handle, LibCurl.infoResponseCode, &status)
        var effective: UnsafePointer<CChar>?
        _ = curl.getString(handle, LibCurl.infoEffectiveURL, &effective)
        response.status = status
        response.statuses = progress.statuses
        response.headers = progress.headers
        response.finalURL = effective.map { String(cString: $0) }
        switch code {
        case LibCurl.ok:
            response.ending = .complete
            response.body = progress.body
        case LibCurl.writeError where progress.stoppedForSize, LibCurl.fileSizeExceeded:
            response.ending = .tooLarge
        case LibCurl.abortedByCallback where progress.wasCancelled:
            response.ending = .cancelled
        case LibCurl.tooManyRedirects:
            response.ending = .tooManyRedirects
        case LibCurl.operationTimedOut:
            // Which limit it was: the whole exchange's deadline, or a silence longer than the idle timeout.
            response.ending = elapsed >= .milliseconds(Self.milliseconds(request.totalTimeout) - 50) ? .deadline : .stalled
        case LibCurl.couldNotResolveHost:
            response.ending = .hostNotFound
        case LibCurl.couldNotConnect:
            var osError = 0
            _ = curl.getLong(handle, LibCurl.infoOSErrno, &osError)
            response.ending = osError == Int(ECONNREFUSED) ? .refused : osError == Int(ETIMEDOUT) ? .stalled : .cannotConnect
        case LibCurl.unsupportedProtocol:
            response.ending = .unsupportedAddress
        case _ where LibCurl.tlsFailures.contains(code):
            response.ending = .tls
        case LibCurl.gotNothing, LibCurl.sendError, LibCurl.receiveError, LibCurl.partialFile:
            response.ending = .connectionLost
        case LibCurl.weirdServerReply:
            response.ending = .notHTTP
        default:
            response.ending = .failed
        }
        if response.ending != .complete {
            let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            response.message = detail.isEmpty ? curl.strerror(code).map { String(cString: $0) } : detail
        }
        return response
    }

    private static func milliseconds(_ seconds: Double) -> Int {
        max(1, Int((seconds * 1000).rounded()))
    }

    // MARK: libcurl callbacks (C functions: no captures, the transfer comes through the user-data pointer)

    /// Body bytes: kept until they pass the cap, which stops the transfer (returning less than given).
    private static let receiveBody: LibCurl.DataCallback = { bytes, size, count, user in
        guard let progress = Progress.from(user), let bytes else { return 0 }
        let length = size * count
        if progress.body.count + length > progress.maxBytes {
            progress.stoppedForSize = true
            progress.body = Data()
            return 0
        }
        bytes.withMemoryRebound(to: UInt8.self, capacity: length) { progress.body.append($0, count: length) }
        return length
    }

    /// One header line: a status line starts a response (a redirect's, or the last), a field joins its headers.
    private static let receiveHeader: LibCurl.DataCallback = { bytes, size, count, user in
        guard let progress = Progress.from(user), let bytes else { return 0 }
        let length = size * count
        let line = bytes.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }.trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            let parts = line.split(separator: " ", maxSplits: 2)
            let status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
            // An interim 1xx answer is not a response of its own.
            if !(100..<200).contains(status) {
                progress.statuses.append(status)
                progress.headers = [:]
            }
        } else if let colon = line.firstIndex(of: ":") {
            let name = String(line[..<colon]).trimmingCharacters(in: .whitespaces)
            let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            if !name.isEmpty, progress.headers[name] == nil { progress.headers[name] = value }
        }
        return length
    }

    /// Called at least once a second, idle or not: a cancelled transfer stops here.
    private static let checkCancelled: LibCurl.ProgressCallback = { user, _, _, _, _ in
        guard let progress = Progress.from(user) else { return 0 }
        if progress.cancelled() {
            progress.wasCancelled = true
            return 1
        }
        return 0
    }
    #endif
}
