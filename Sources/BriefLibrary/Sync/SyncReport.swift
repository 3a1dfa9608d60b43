/// What one sync did, and what failed (one line each).
public struct SyncReport: Sendable, Equatable {
    /// Marks the server took (confirmed or not yet read back).
    public var pushed = 0
    /// Marks still waiting (failed, or for items the server has not delivered yet).
    public var waiting = 0
    /// Marks dropped because the server never delivered their story within the expiry.
    public var expired = 0
    /// Stories stored from the server's new items.
    public var newStories = 0
    /// Server items found to be stories Brief already had.
    public var matchedStories = 0
    /// Local marks changed to the server's.
    public var markedFromServer = 0
    public var subscribedOnServer = 0
    public var unsubscribedOnServer = 0
    public var addedLocally = 0
    public var removedLocally = 0
    public var failures: [String] = []
    /// The server could not be reached (the machine may be offline): nothing was exchanged.
    public var offline = false

    public init() {}

    /// One line: `synced: 12 new, 3 marks pushed, 5 marks from the server, 0 waiting`.
    public var summary: String {
        var parts = ["\(newStories) new", "\(pushed) marks pushed", "\(markedFromServer) marks from the server"]
        if matchedStories > 0 { parts.append("\(matchedStories) matched") }
        let feeds = subscribedOnServer + unsubscribedOnServer + addedLocally + removedLocally
        if feeds > 0 {
            parts.append("feeds: \(addedLocally) added, \(removedLocally) removed here, "
                         + "\(subscribedOnServer) subscribed, \(unsubscribedOnServer) unsubscribed on the server")
        }
        if expired > 0 { parts.append("\(expired) expired") }
        parts.append("\(waiting) waiting")
        return "synced: " + parts.joined(separator: ", ")
    }
}
