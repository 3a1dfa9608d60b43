#if os(Linux)
import Foundation
import Glibc
import Synchronization

/// The few functions of libcurl's easy interface that `CurlTransfer` uses, looked up at run time in the system's
/// libcurl (`libcurl.so.4`; no headers or link flag needed), loaded by the first exchange.
///
/// Why not URLSession: on Linux it drives libcurl's multi interface from dispatch sources, and when libcurl, done
/// connecting, asks only to read, the socket's write source stays registered. A writable socket then wakes the
/// session's queue in a loop for as long as the server is silent: seconds of CPU for a stalled feed. The easy
/// interface waits in `poll` with a timeout instead. And no Brief module links FoundationNetworking: it would load
/// libcurl and the two dozen libraries libcurl needs (TLS, Kerberos, LDAP, SSH, IDN) at the start of every command,
/// about 10 ms before `brief count` or the reader's first frame could begin, where only a fetch or a sync needs them.
///
/// Values are libcurl's stable ABI numbers (`curl/curl.h`). `curl_easy_setopt` and `curl_easy_getinfo` are
/// variadic in C; on Linux (x86-64 and AArch64) a variadic call passes its arguments where a fixed one does, so
/// each is called through fixed-arity pointers of the argument type it takes.
struct LibCurl {
    typealias Handle = OpaquePointer
    typealias DataCallback = @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int
    typealias ProgressCallback = @convention(c) (UnsafeMutableRawPointer?, Int64, Int64, Int64, Int64) -> Int32

    let easyInit: @convention(c) () -> Handle?
    let easyCleanup: @convention(c) (Handle?) -> Void
    let easyPerform: @convention(c) (Handle?) -> Int32
    let setLong: @convention(c) (Handle?, Int32, Int) -> Int32
    let setPointer: @convention(c) (Handle?, Int32, UnsafeRawPointer?) -> Int32
    let setDataCallback: @convention(c) (Handle?, Int32, DataCallback?) -> Int32
    let setProgressCallback: @convention(c) (Handle?, Int32, ProgressCallback?) -> Int32
    let getLong: @convention(c) (Handle?, Int32, UnsafeMutablePointer<Int>?) -> Int32
    let getString: @convention(c) (Handle?, Int32, UnsafeMutablePointer<UnsafePointer<CChar>?>?) -> Int32
    let slistAppend: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> OpaquePointer?
    let slistFreeAll: @convention(c) (OpaquePointer?) -> Void
    let strerror: @convention(c) (Int32) -> UnsafePointer<CChar>?

    /// Whether `curl_global_init` has run in this process (it must run once, before any other thread uses libcurl
    /// without it; `curl_easy_init` would otherwise call it on each of several fetching threads at once).
    private static let initialised = Mutex(false)

    /// libcurl as loaded in this process, or nil where it cannot be found (the caller says `CurlTransfer.unavailable`).
    static func load() -> LibCurl? {
        guard let library = dlopen("libcurl.so.4", RTLD_NOW) ?? dlopen("libcurl.so", RTLD_NOW) else { return nil }
        // The library stays loaded for the rest of the process; the handle is not closed.
        func symbol<T>(_ name: String, as type: T.Type) -> T? {
            dlsym(library, name).map { unsafeBitCast($0, to: type) }
        }
        guard let easyInit = symbol("curl_easy_init", as: (@convention(c) () -> Handle?).self),
              let easyCleanup = symbol("curl_easy_cleanup", as: (@convention(c) (Handle?) -> Void).self),
              let easyPerform = symbol("curl_easy_perform", as: (@convention(c) (Handle?) -> Int32).self),
              let setLong = symbol("curl_easy_setopt", as: (@convention(c) (Handle?, Int32, Int) -> Int32).self),
              let setPointer = symbol("curl_easy_setopt",
                                      as: (@convention(c) (Handle?, Int32, UnsafeRawPointer?) -> Int32).self),
              let setDataCallback = symbol("curl_easy_setopt",
                                           as: (@convention(c) (Handle?, Int32, DataCallback?) -> Int32).self),
              let setProgressCallback = symbol("curl_easy_setopt",
                                               as: (@convention(c) (Handle?, Int32, ProgressCallback?) -> Int32).self),
              let getLong = symbol("curl_easy_getinfo",
                                   as: (@convention(c) (Handle?, Int32, UnsafeMutablePointer<Int>?) -> Int32).self),
              let getString = symbol("curl_easy_getinfo", as: (@convention(c) (
                  Handle?, Int32, UnsafeMutablePointer<UnsafePointer<CChar>?>?) -> Int32).self),
              let slistAppend = symbol("curl_slist_append",
                                       as: (@convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> OpaquePointer?).self),
              let slistFreeAll = symbol("curl_slist_free_all", as: (@convention(c) (OpaquePointer?) -> Void).self),
              let strerror = symbol("curl_easy_strerror", as: (@convention(c) (Int32) -> UnsafePointer<CChar>?).self)
        else { return nil }
        let started = initialised.withLock { done -> Bool in
            guard !done else { return true }
            guard let globalInit = symbol("curl_global_init", as: (@convention(c) (Int) -> Int32).self) else { return false }
            // CURL_GLOBAL_DEFAULT (SSL and, on Windows only, sockets).
            done = globalInit(3) == 0
            return done
        }
        guard started else { return nil }
        return LibCurl(easyInit: easyInit, easyCleanup: easyCleanup, easyPerform: easyPerform, setLong: setLong,
                       setPointer: setPointer, setDataCallback: setDataCallback,
                       setProgressCallback: setProgressCallback, getLong: getLong, getString: getString,
                       slistAppend: slistAppend, slistFreeAll: slistFreeAll, strerror: strerror)
    }

    // MARK: Options (CURLOPTTYPE_LONG + n, OBJECTPOINT 10000 + n, FUNCTIONPOINT 20000 + n, OFF_T 30000 + n)

    static let optWriteData: Int32 = 10_001
    static let optURL: Int32 = 10_002
    static let optErrorBuffer: Int32 = 10_010
    static let optWriteFunction: Int32 = 20_011
    static let optLowSpeedLimit: Int32 = 19
    static let optLowSpeedTime: Int32 = 20
    static let optHTTPHeader: Int32 = 10_023
    static let optHeaderData: Int32 = 10_029
    static let optPost: Int32 = 47
    static let optNoProgress: Int32 = 43
    static let optFollowLocation: Int32 = 52
    static let optProgressData: Int32 = 10_057
    static let optMaxRedirects: Int32 = 68
    static let optHeaderFunction: Int32 = 20_079
    static let optNoSignal: Int32 = 99
    static let optAcceptEncoding: Int32 = 10_102
    static let optMaxFileSizeLarge: Int32 = 30_117
    static let optTimeoutMS: Int32 = 155
    static let optConnectTimeoutMS: Int32 = 156
    static let optProtocols: Int32 = 181
    static let optRedirectProtocols: Int32 = 182
    static let optProgressFunction: Int32 = 20_219
    static let optPostFieldSizeLarge: Int32 = 30_120
    static let optCopyPostFields: Int32 = 10_165
    /// `CURLPROTO_HTTP | CURLPROTO_HTTPS`.
    static let httpAndHTTPS = 3

    // MARK: Information (CURLINFO_STRING 0x100000 + n, CURLINFO_LONG 0x200000 + n)

    static let infoEffectiveURL: Int32 = 0x100000 + 1
    static let infoResponseCode: Int32 = 0x200000 + 2
    static let infoOSErrno: Int32 = 0x200000 + 25

    // MARK: Results (CURLcode)

    static let ok: Int32 = 0
    static let unsupportedProtocol: Int32 = 1
    static let couldNotResolveHost: Int32 = 6
    static let couldNotConnect: Int32 = 7
    static let writeError: Int32 = 23
    static let operationTimedOut: Int32 = 28
    static let abortedByCallback: Int32 = 42
    static let tooManyRedirects: Int32 = 47
    static let fileSizeExceeded: Int32 = 63
    static let weirdServerReply: Int32 = 8
    static let partialFile: Int32 = 18
    static let gotNothing: Int32 = 52
    static let sendError: Int32 = 55
    static let receiveError: Int32 = 56
    /// The TLS failures: handshake, certificates, ciphers, trust store, pinning.
    static let tlsFailures: Set<Int32> = [35, 53, 54, 58, 59, 60, 64, 66, 77, 80, 82, 83, 90, 91, 98]
}
#endif
