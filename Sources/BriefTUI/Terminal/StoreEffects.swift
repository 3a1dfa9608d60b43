import BriefLibrary
import BriefStore

/// Runs the reader's effects against the store and turns their results into operations, as the app loop
/// does (public so the benchmark can time keys the way the reader answers them).
/// (`refreshFeeds` runs in the background: `ReaderLoop` hands it to its refresher instead.)
public struct StoreEffects {
    let store: Store
    let entities = EntityCache()

    public init(store: Store) {
        self.store = store
    }

    /// Runs `effect` and returns the operations its results are (an error becomes `.failed`).
    public func perform(_ effect: ReaderEffect) -> [ReaderOperation] {
        do {
            switch effect {
            case let .loadList(unreadOnly, scope):
                let stories = try store.summaries(scope.filter(unreadOnly: unreadOnly))
                let counts = try store.counts(scope.filter(unreadOnly: false))
                return [.listLoaded(stories, total: counts.total, unread: counts.unread)]
            case let .search(query, unreadOnly):
                // The store filters before it keeps the best matches, so read stories cannot crowd out unread ones.
                let found = try store.search(query, unreadOnly: unreadOnly)
                return [.searchLoaded(query: query, found, total: try store.count(unreadOnly: false),
                                      unread: try store.count(unreadOnly: true))]
            case let .loadStory(id):
                return [.storyLoaded(id: id, try store.story(id: id))]
            case let .setRead(read, ids):
                try store.setRead(read, ids: ids)
                return []
            case let .setStarred(starred, ids):
                try store.setStarred(starred, ids: ids)
                return []
            case .markAllRead:
                return [.markedAllRead(try store.markAllRead())]
            case let .loadEntities(type, filter):
                return [.entitiesLoaded(type: type, filter: filter, try entities.entities(store, type: type, filter: filter))]
            case let .loadEntity(key):
                let entity = try entities.entities(store).first { $0.key == key }
                return [.entityLoaded(key: key, try entity.flatMap { try EntityProfile.load(entity: $0, store: store) })]
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

extension ReaderEffect {
    /// What the effect does, for error messages.
    var summary: String {
        switch self {
        case .loadList: "load the story list"
        case .search: "search"
        case let .loadStory(id): "load story \(id)"
        case let .setRead(read, _): read ? "mark read" : "mark unread"
        case let .setStarred(starred, _): starred ? "star" : "unstar"
        case .markAllRead: "mark all read"
        case .loadEntities: "load the entities"
        case .loadEntity: "load the entity"
        case .libraryChanged: "reread the library"
        case .refreshFeeds: "refresh the feeds"
        }
    }
}
