/// Work `update` asks the app loop to do (store reads and writes). Results come back as operations.
public enum ReaderEffect: Hashable, Sendable {
    /// Reload the story list and counts → `.listLoaded`.
    case loadList(unreadOnly: Bool)
    /// Load one story → `.storyLoaded`.
    case loadStory(id: Int64)
    case setRead(Bool, ids: [Int64])
    /// → `.markedAllRead(ids)`.
    case markAllRead
}
