/// A sync server behind one protocol, as the sync engine (BriefLibrary) uses it: subscriptions, new items, the
/// unread and starred sets, and explicit marks. `TTRSSService` and `FeverService` adapt the clients.
public protocol SyncService: Sendable {
    /// Whether the protocol can subscribe and unsubscribe (Fever cannot: its subscriptions are read-only).
    var canSubscribe: Bool { get }
    /// The address calls go to, for messages.
    var endpoint: String { get }

    /// Logs in (or checks the key): throws `SyncError.loginRefused` for a wrong password.
    func verify() async throws
    func feeds() async throws -> [RemoteFeed]
    /// Subscribes to `url`, in the folder named `folder` when the server has one; returns the feed's id.
    func subscribe(url: String, folder: String?) async throws -> Int
    func unsubscribe(feedID: Int) async throws
    /// Every item with an id above `sinceID`, a page at a time, oldest first within the run. Returns the state of
    /// every item above `sinceID` as last listed (a listing after the pages may be newer than the pages' own).
    func newItems(since sinceID: Int, page: ([RemoteItem]) async throws -> Void) async throws -> [Int: RemoteState]
    func unreadIDs() async throws -> Set<Int>
    func starredIDs() async throws -> Set<Int>
    /// The items of `ids` the server still has, with their state now: an item missing from the unread set may be
    /// purged rather than read, or (TT-RSS) missed by a page boundary between equal dates.
    func items(_ ids: [Int]) async throws -> [RemoteItem]
    /// Sets `mark` of the items to `value`, explicitly (never a toggle).
    func set(_ mark: RemoteMark, to value: Bool, ids: [Int]) async throws

    /// How far back `recentlyReadIDs` reaches (TT-RSS: a day), or nil when the protocol cannot say what was read
    /// lately; then the engine lists the whole unread set every sync.
    var recentReadWindow: Double? { get }
    /// The items read on the server within `recentReadWindow`, however they were read (web, app, API).
    func recentlyReadIDs() async throws -> Set<Int>
    /// How many of the user's items are unread on the server, by server feed id (items of no listed feed under 0):
    /// with `recentlyReadIDs` it tells an incremental sync whether the unread set it holds is still the server's,
    /// without listing it.
    func unreadCounts() async throws -> [Int: Int]
}
