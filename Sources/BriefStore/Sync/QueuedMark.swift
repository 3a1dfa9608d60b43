import Foundation

/// One mark waiting to be pushed to the sync server: an explicit state (never a toggle) for one story. A later
/// mark of the same story and field replaces it and raises `revision`.
public struct QueuedMark: Hashable, Sendable {
    public var storyID: Int64
    public var field: MarkField
    /// True: read / starred; false: unread / unstarred.
    public var value: Bool
    public var revision: Int
    public var queuedAt: Date
    /// Pushes tried and failed since it was queued.
    public var attempts: Int
    /// The story's item id on the server, or nil while the server has not delivered it.
    public var serverID: Int?

    public init(storyID: Int64, field: MarkField, value: Bool, revision: Int = 1, queuedAt: Date = Date(),
                attempts: Int = 0, serverID: Int? = nil) {
        self.storyID = storyID
        self.field = field
        self.value = value
        self.revision = revision
        self.queuedAt = queuedAt
        self.attempts = attempts
        self.serverID = serverID
    }
}
