import BriefLibrary
import BriefModel
import BriefStore

/// Runs the reader's effects against the store and turns their results into operations, as the app loop
/// does (public so the benchmark can time keys the way the reader answers them).
/// (`refreshFeeds` runs in the background: `ReaderLoop` hands it to its refresher instead.)
public struct StoreEffects {
    let store: Store
    let entities = EntityCache()
    /// Notices other processes' commits; nil for an in-memory store.
    let watcher: CacheWatcher?
    /// Opens a link in the browser, the terminal handed over meanwhile (the app's terminal; none in tests).
    var browse: ((String) throws -> Void)?
    /// Puts text on the clipboard (the terminal's OSC 52).
    var copy: ((String) -> Void)?

    public init(store: Store) {
        self.store = store
        watcher = store.makeWatcher()
    }

    /// Runs `effect` and returns the operations its results are (an error becomes `.failed`).
    public func perform(_ effect: ReaderEffect) -> [ReaderOperation] {
        // What this process writes is no news from outside.
        defer { if effect.writes { watcher?.catchUp() } }
        do {
            switch effect {
            case let .loadList(unreadOnly, scope):
                // The counts, then the first window of rows: the reader asks for another window as it moves.
                let counts = try store.counts(scope.filter(unreadOnly: false))
                let window = try StoryWindow.load(store, scope.filter(unreadOnly: unreadOnly),
                                                  count: unreadOnly ? counts.unread : counts.total, at: 0)
                return [.listPageLoaded(window, total: counts.total, unread: counts.unread)]
            case let .loadListWindow(unreadOnly, scope, id, position, count):
                let window = try StoryWindow.load(store, scope.filter(unreadOnly: unreadOnly), count: count, around: id,
                                                  at: position)
                return [.listWindowLoaded(window, open: false)]
            case let .findUnread(unreadOnly, scope, position, forward, count, open):
                guard let window = try StoryWindow.loadUnread(store, scope.filter(unreadOnly: unreadOnly), count: count,
                                                              after: position, forward: forward) else {
                    return [.notice("No more unread stories")]
                }
                return [.listWindowLoaded(window, open: open)]
            case let .search(query, unreadOnly, recount):
                // The store filters before it keeps the best matches, so read stories cannot crowd out unread ones.
                let found = try store.search(query, unreadOnly: unreadOnly)
                guard recount else { return [.searchLoaded(query: query, found, total: nil, unread: nil)] }
                let counts = try store.counts(.all)
                return [.searchLoaded(query: query, found, total: counts.total, unread: counts.unread)]
            case let .loadStory(id):
                do {
                    return [.storyLoaded(id: id, try store.story(id: id))]
                } catch StoreError.damagedStory(id) {
                    return [.storyUnreadable(id: id,
                                             message: "Story \(id) cannot be shown: its text in the cache is damaged")]
                }
            case let .setRead(read, ids):
                try store.setRead(read, ids: ids)
                return []
            case let .setStarred(starred, ids):
                try store.setStarred(starred, ids: ids)
                return []
            case .markAllRead:
                return [.markedAllRead(try store.markAllRead())]
            case let .markScopeRead(scope):
                return [.markedAllRead(try store.markAllRead(scope.filter(unreadOnly: true)))]
            case .loadFeeds:
                return [.feedsLoaded(try FeedOverview.load(store))]
            case let .loadEntities(type, filter):
                return [.entitiesLoaded(type: type, filter: filter, try entities.entities(store, type: type, filter: filter))]
            case let .loadEntity(key):
                let entity = try entities.entities(store).first { $0.key == key }
                // The page's first window of stories; the reader asks for the next as it moves.
                return [.entityLoaded(key: key, try entity.flatMap { try EntityProfile.loadWindow(entity: $0, store: store) })]
            case let .loadEntityStories(key, position, whole):
                let window = try EntityStoryWindow.load(store, key: key, around: position,
                                                        size: whole ? nil : EntityStoryWindow.size)
                return [.entityStoriesLoaded(key: key, select: position, window)]
            case .checkForChanges:
                return watcher?.changed() == true ? [.changedOutside] : []
            case let .openLink(id):
                return [try openLink(id)]
            case let .copyLink(id):
                guard let link = try store.link(ofStory: id), let copy else { return [.failed("This story has no link")] }
                copy(link)
                return [.notice("Copied \(LinkText.short(link, width: 60)) (OSC 52)")]
            case .libraryChanged:
                entities.forget()
                return []
            case .refreshFeeds:
                return [.refreshFinished("Refreshing feeds is not available here; run `brief fetch`")]
            }
        } catch {
            return [.failed("Could not \(effect.summary): \(error)")]
        }
    }
}

extension StoreEffects {
    /// Opens story `id`'s link; a link that is not a web address, a missing browser or one that fails is one line.
    private func openLink(_ id: Int64) throws -> ReaderOperation {
        let link = try store.link(ofStory: id)
        do {
            let url = try LinkOpener.check(link)
            guard let browse else { return .failed("No browser here: run `brief open \(id)`") }
            try browse(url)
            return .notice("Opened \(LinkText.short(url, width: 60))")
        } catch let error as LinkOpenError {
            return .failed("Could not open the link: \(TerminalText.sanitize(error.description, keepNewlines: false))")
        }
    }
}

extension ReaderEffect {
    /// Whether the effect writes to the cache.
    var writes: Bool {
        switch self {
        case .setRead, .setStarred, .markAllRead, .markScopeRead: true
        default: false
        }
    }

    /// What the effect does, for error messages.
    var summary: String {
        switch self {
        case .loadList, .loadListWindow: "load the story list"
        case .findUnread: "find an unread story"
        case .search: "search"
        case let .loadStory(id): "load story \(id)"
        case let .setRead(read, _): read ? "mark read" : "mark unread"
        case let .setStarred(starred, _): starred ? "star" : "unstar"
        case .markAllRead, .markScopeRead: "mark all read"
        case .loadFeeds: "load the feeds"
        case .checkForChanges: "look for changes"
        case .loadEntities: "load the entities"
        case .loadEntity, .loadEntityStories: "load the entity"
        case .libraryChanged: "reread the library"
        case .openLink: "open the link"
        case .copyLink: "copy the link"
        case .refreshFeeds: "refresh the feeds"
        }
    }
}
