import BriefStore

/// The story list's keys.
extension Reader {
    static func listOperation(_ state: inout ReaderState, _ operation: ReaderOperation) -> [ReaderEffect] {
        let index = state.selectedIndex ?? 0
        if let step = CursorStep(operation) {
            var cursor = Cursor(selected: index, top: state.listTop)
            cursor.select(step, count: state.stories.count, page: state.bodyHeight)
            select(&state, index: cursor.selected)
            return []
        }
        switch operation {
        case .open:
            guard let story = state.selectedStory else { return [] }
            return open(&state, story)
        case .toggleRead:
            guard let story = state.selectedStory else { return [] }
            return toggleRead(&state, story, isRead: story.isRead)
        case .toggleStar:
            guard let story = state.selectedStory else { return [] }
            return toggleStar(&state, story, isStarred: story.isStarred)
        case .openLink, .copyLink:
            guard let story = state.selectedStory else { return [] }
            return [operation == .openLink ? .openLink(storyID: story.id) : .copyLink(storyID: story.id)]
        case .toggleStarredOnly:
            state.scope = state.scope == .starred ? .all : .starred
            state.status = state.scope == .starred ? "Showing starred stories" : "Showing all stories"
            return [reload(state)]
        case .toggleUnreadOnly:
            state.unreadOnly.toggle()
            state.status = state.unreadOnly ? "Showing unread stories only" : "Showing all stories"
            return [reload(state)]
        case .nextUnread, .previousUnread:
            if let found = unread(in: state, from: index, forward: operation == .nextUnread) {
                select(&state, index: found)
            } else {
                state.status = "No more unread stories"
            }
        case .markAllRead:
            guard !refusedReadOnly(&state) else { return [] }
            // In a feed's, a folder's or the starred list, only its stories.
            return [state.scope == .all || state.search != nil ? .markAllRead : .markScopeRead(state.scope)]
        case .undo:
            return undo(&state)
        case .search:
            // A new query, even while one is shown (Esc goes back to every story).
            state.prompt = Prompt(.library)
        case .clear:
            guard state.search != nil else { break }
            state.search = nil
            state.selectedID = nil
            state.status = "Search cleared"
            return [reload(state)]
        default:
            break
        }
        return []
    }

    /// Opens `story` (from the list, or the next unread from a story), marking it read if the config says so.
    static func open(_ state: inout ReaderState, _ story: StorySummary) -> [ReaderEffect] {
        state.selectedID = story.id
        keepSelectionVisible(&state)
        pushStory(&state, StoryPage(id: story.id))
        return [.loadStory(id: story.id)] + markOpened(&state, story)
    }

    /// Selects the story at `index` (kept within the list) and keeps it in view.
    static func select(_ state: inout ReaderState, index: Int) {
        guard !state.stories.isEmpty else { return }
        let clamped = min(max(0, index), state.stories.count - 1)
        state.selectedID = state.stories[clamped].id
        keepVisible(&state, index: clamped)
    }

    static func keepSelectionVisible(_ state: inout ReaderState) {
        keepVisible(&state, index: state.selectedIndex ?? 0)
    }

    /// Scrolls the list to show row `index` (known to the caller: finding the selection again by id is a scan
    /// of the whole list).
    private static func keepVisible(_ state: inout ReaderState, index: Int) {
        var cursor = Cursor(selected: index, top: state.listTop)
        cursor.reveal(row: index, height: state.bodyHeight, lineCount: state.stories.count)
        state.listTop = cursor.top
    }

    static func unread(in state: ReaderState, from index: Int, forward: Bool) -> Int? {
        let stories = state.stories
        if forward {
            return stories.indices.first { $0 > index && !stories[$0].isRead }
        }
        return stories.indices.last { $0 < index && !stories[$0].isRead }
    }

    static func listLoaded(_ state: inout ReaderState, _ stories: [StorySummary], total: Int, unread: Int) {
        let oldIndex = state.selectedIndex ?? 0
        state.stories = stories
        state.totalCount = total
        state.unreadCount = unread
        state.hasLoaded = true
        if let id = state.selectedID, stories.contains(where: { $0.id == id }) {
            keepSelectionVisible(&state)
        } else if stories.isEmpty {
            state.selectedID = nil
            state.listTop = 0
        } else {
            // The selected story left the list (e.g. read while showing unread only): take its neighbour.
            select(&state, index: oldIndex)
        }
    }
}
