/// One change of marks the reader made (`r`, `s`, `A`, or opening an unread story), remembered so `u` can
/// put the stories back exactly as they were.
public struct ReadMark: Hashable, Sendable {
    /// The stories the change touched.
    public var ids: [Int64]
    /// Their read state before the change (one action only ever changes stories that were alike); for a change
    /// of stars (`isStar`), whether they were starred.
    public var wasRead: Bool
    /// A change of stars rather than of read marks.
    public var isStar: Bool
    /// The story's headline when the change touched one story, for the status line.
    public var title: String?

    public init(ids: [Int64], wasRead: Bool, title: String? = nil, isStar: Bool = false) {
        self.ids = ids
        self.wasRead = wasRead
        self.isStar = isStar
        self.title = title
    }

    /// How many changes `u` can take back, oldest forgotten first.
    public static let undoLimit = 50

    /// What undoing this change says, e.g. `Undone, unread again: “Grain talks resume”` (the outcome
    /// first, so a narrow status bar cuts only the headline).
    var undoneMessage: String {
        let state = isStar ? (wasRead ? "starred" : "unstarred") : (wasRead ? "read" : "unread")
        if ids.count == 1, let title { return "Undone, \(state) again: “\(title)”" }
        return "Undone, \(ids.count) stor\(ids.count == 1 ? "y" : "ies") \(state) again"
    }
}
