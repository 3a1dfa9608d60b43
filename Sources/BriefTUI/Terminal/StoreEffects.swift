import BriefStore

/// Runs the reader's effects against the store and turns their results into operations.
struct StoreEffects {
    let store: Store

    func perform(_ effect: ReaderEffect) -> [ReaderOperation] {
        do {
            switch effect {
            case let .loadList(unreadOnly):
                let stories = try store.summaries(unreadOnly: unreadOnly)
                return [.listLoaded(stories, total: try store.count(unreadOnly: false),
                                    unread: try store.count(unreadOnly: true))]
            case let .loadStory(id):
                return [.storyLoaded(id: id, try store.story(id: id))]
            case let .setRead(read, ids):
                try store.setRead(read, ids: ids)
                return []
            case .markAllRead:
                return [.markedAllRead(try store.markAllRead())]
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
        case let .loadStory(id): "load story \(id)"
        case let .setRead(read, _): read ? "mark read" : "mark unread"
        case .markAllRead: "mark all read"
        }
    }
}
