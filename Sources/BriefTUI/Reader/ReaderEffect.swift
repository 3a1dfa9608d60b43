import BriefLibrary
import BriefTagger

/// Work `update` asks the app loop to do (store reads and writes). Results come back as operations.
public enum ReaderEffect: Hashable, Sendable {
    /// Reload the story list and counts (of the scope's stories) → `.listLoaded`.
    case loadList(unreadOnly: Bool, scope: ListScope = .all)
    /// The window of the list (of `count` rows) around story `around`, else around position `at` →
    /// `.listWindowLoaded`. A long list is read a window at a time (`StoryWindow`).
    case loadListWindow(unreadOnly: Bool, scope: ListScope, around: Int64?, at: Int, count: Int)
    /// The window around the first unread story after position `after` of the list (before it, without `forward`)
    /// → `.listWindowLoaded` (opening that story with `open`), or `.notice` when there is none.
    case findUnread(unreadOnly: Bool, scope: ListScope, after: Int, forward: Bool, count: Int, open: Bool)
    /// Search the library → `.searchLoaded`, with the library's counts when `recount` (a new query leaves them as
    /// they are; a search shown again after marks or changes outside needs them anew).
    case search(String, unreadOnly: Bool, recount: Bool = true)
    /// Load one story → `.storyLoaded`.
    case loadStory(id: Int64)
    case setRead(Bool, ids: [Int64])
    case setStarred(Bool, ids: [Int64])
    /// → `.markedAllRead(ids)`.
    case markAllRead
    /// Mark every story of a feed, folder or the starred ones read → `.markedAllRead(ids)`.
    case markScopeRead(ListScope)
    /// The folders and feeds with their counts → `.feedsLoaded`.
    case loadFeeds
    /// Open the story's link in the browser, the terminal handed over meanwhile → `.notice` or `.failed`.
    case openLink(storyID: Int64)
    /// Copy the story's link to the clipboard (OSC 52) → `.notice` or `.failed`.
    case copyLink(storyID: Int64)
    /// The entity index → `.entitiesLoaded`.
    case loadEntities(type: EntityType?, filter: String)
    /// One entity's page → `.entityLoaded`.
    case loadEntity(key: String)
    /// The window of an entity page's stories around position `at` (all of them with `whole`, for the headline
    /// filter) → `.entityStoriesLoaded`.
    case loadEntityStories(key: String, at: Int, whole: Bool)
    /// The cache gained stories (a refresh finished): forget entity lists held in memory.
    case libraryChanged
    /// Look for commits other processes made to the cache → `.changedOutside` when there are any.
    case checkForChanges
    /// Refresh the feeds in the background → `.refreshProgress`…, `.refreshFinished`.
    case refreshFeeds
}
