/// How a `CurlTransfer` ended.
public enum CurlEnding: Sendable, Equatable {
    /// A complete answer (of any status).
    case complete
    /// The body passed `maxBytes` (announced or counted).
    case tooLarge
    case cancelled
    case tooManyRedirects
    /// No byte for `idleTimeout` seconds.
    case stalled
    /// The whole exchange passed `totalTimeout`.
    case deadline
    case hostNotFound
    case refused
    /// Connecting did not finish in time (or failed some other way; see the message).
    case cannotConnect
    case unsupportedAddress
    /// The TLS handshake or the certificate check failed.
    case tls
    /// The connection closed or broke before the answer was whole.
    case connectionLost
    /// What came back is not HTTP.
    case notHTTP
    /// Anything else libcurl reports (see the message).
    case failed
}
