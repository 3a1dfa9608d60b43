import Foundation

/// The sync account as the cache keeps it: which server, as whom, and how far the last sync got. The password is
/// never here (it lives in a 0600 file beside the config).
public struct StoredAccount: Hashable, Sendable {
    /// The protocol: `ttrss` or `fever`.
    public var kind: String
    /// The server's base address, as the user gave it.
    public var url: String
    public var user: String
    public var addedAt: Date
    /// The highest server item id stored so far.
    public var lastItemID: Int
    public var lastSync: Date?
    /// Why the last sync failed, or nil when it succeeded (or has not run).
    public var lastError: String?

    public init(kind: String, url: String, user: String, addedAt: Date = Date(), lastItemID: Int = 0,
                lastSync: Date? = nil, lastError: String? = nil) {
        self.kind = kind
        self.url = url
        self.user = user
        self.addedAt = addedAt
        self.lastItemID = lastItemID
        self.lastSync = lastSync
        self.lastError = lastError
    }
}
