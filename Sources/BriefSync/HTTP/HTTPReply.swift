import Foundation

/// A complete answer from a sync server, within the transport's limits.
public struct HTTPReply: Sendable {
    public var status: Int
    /// The media type without parameters, lower-cased ("application/json"); empty when the server sent none.
    public var mediaType: String
    public var body: Data
}
