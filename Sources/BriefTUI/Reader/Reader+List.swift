import BriefLibrary
import BriefStore

/// The story list's keys.
extension Reader {
    static func listOperation(_ state: inout ReaderState, _ operation: ReaderOperation) -> [ReaderEffect] {
        let index = state.selectedIndex ?? state.listPosition
        if let step = CursorStep(operation) {
            var cursor = Cursor(selected: index, top: state.listTop)
            cursor.select(step, count: state.listCount, page: state.bodyHeight)
            return select(&state, position: cursor.selected)
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
            let forward = operation == .nextUnread
            if let found = unread(in: state, from: index, forward: forward) { return select(&state, position: found) }
            if let seek = findUnread(state, from: index, forward: forward, open: false) { return [seek] }
            state.status = "No more unread stories"
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

    /// Selects the story at list position `position` (kept within the list) and keeps it in view; a position outside
    /// the loaded rows, or near their edge, asks for the window around it.
    static func select(_ state: inout ReaderState, position: Int) -> [ReaderEffect] {
        guard state.listCount > 0 else { return [] }
        let clamped = min(max(0, position), state.listCount - 1)
        state.listPosition = clamped
        keepVisible(&state, index: clamped)
        guard let row = state.row(at: clamped) else {
            state.selectedID = nil
            return windowEffect(state, at: clamped).map { [$0] } ?? []
        }
        state.selectedID = row.id
        // Near an edge of the rows loaded that is not the list's: the window moves along before it is reached.
        let margin = StoryWindow.size / 4
        let loaded = state.loadedPositions
        let nearTop = loaded.lowerBound > 0 && clamped - loaded.lowerBound < margin
        let nearEnd = loaded.upperBound < state.listCount && loaded.upperBound - clamped <= margin
        guard nearTop || nearEnd, let effect = windowEffect(state, at: clamped) else { return [] }
        return [effect]
    }

    /// The effect that loads the window of the list around position `position` (a search's results are loaded whole).
    private static func windowEffect(_ state: ReaderState, at position: Int, around id: Int64? = nil) -> ReaderEffect? {
        guard state.search == nil else { return nil }
        return .loadListWindow(unreadOnly: state.unreadOnly, scope: state.scope, around: id, at: position,
                               count: state.listCount)
    }

    /// The effect that finds the next unread story beyond the loaded rows (from `position`, which they hold), or nil
    /// when the rows reach the list's end that way.
    static func findUnread(_ state: ReaderState, from position: Int, forward: Bool, open: Bool) -> ReaderEffect? {
        let loaded = state.loadedPositions
        guard state.search == nil, forward ? loaded.upperBound < state.listCount : loaded.lowerBound > 0 else { return nil }
        // The rows loaded hold no unread story that way: the search starts at their edge.
        let edge = forward ? max(position, loaded.upperBound - 1) : min(position, loaded.lowerBound)
        return .findUnread(unreadOnly: state.unreadOnly, scope: state.scope, after: edge, forward: forward,
                           count: state.listCount, open: open)
    }

    static func keepSelectionVisible(_ state: inout ReaderState) {
        keepVisible(&state, index: state.selectedIndex ?? state.listPosition)
    }

    /// Scrolls the list to show row `index` (known to the caller: finding the selection again by id is a scan
    /// of the loaded rows).
    private static func keepVisible(_ state: inout ReaderState, index: Int) {
        var cursor = Cursor(selected: index, top: state.listTop)
        cursor.reveal(row: index, height: state.bodyHeight, lineCount: state.listCount)
        state.listTop = cursor.top
    }

    /// The position of the next (previous) unread story among the loaded rows after (before) position `index`.
    static func unread(in state: ReaderState, from index: Int, forward: Bool) -> Int? {
        let loaded = state.loadedPositions
        if forward {
            return loaded.first { $0 > index && state.row(at: $0)?.isRead == false }
        }
        return loaded.last { $0 < index && state.row(at: $0)?.isRead == false }
    }

    /// Takes the rows of `window` as the list's loaded rows.
    private static func take(_ state: inout ReaderState, _ window: StoryWindow) {
        state.stories = window.rows
        state.listOffset = window.offset
        state.listCount = window.count
    }

    /// The list was read again (or a search's results arrived): the selected story stays selected where the list
    /// still holds it (found further down when the rows loaded do not), else its neighbour takes the selection.
    static func listPageLoaded(_ state: inout ReaderState, _ window: StoryWindow, total: Int, unread: Int) -> [ReaderEffect] {
        let oldPosition = state.selectedIndex ?? 0
        take(&state, window)
        state.totalCount = total
        state.unreadCount = unread
        state.hasLoaded = true
        if followSelection(&state, window) { return [] }
        guard window.count > 0 else {
            clearSelection(&state)
            return []
        }
        if let id = state.selectedID, window.count > window.rows.count,
           let effect = windowEffect(state, at: oldPosition, around: id) {
            return [effect]
        }
        // The selected story left the list (e.g. read while showing unread only): take its neighbour.
        return select(&state, position: oldPosition)
    }

    /// Another window of the list arrived: its anchor story is selected (and opened, with `open`); else the
    /// selection stays on its story, or, when it was on a row not loaded yet, takes the row at its position.
    static func listWindowLoaded(_ state: inout ReaderState, _ window: StoryWindow, open: Bool) -> [ReaderEffect] {
        take(&state, window)
        if let anchor = window.anchor, let row = window.row(at: anchor) {
            state.selectedID = row.id
            state.listPosition = anchor
            keepVisible(&state, index: anchor)
            return open ? Reader.open(&state, row) : []
        }
        if followSelection(&state, window) { return [] }
        guard state.listCount > 0 else {
            clearSelection(&state)
            return []
        }
        let position = min(max(0, state.listPosition), state.listCount - 1)
        state.listPosition = position
        keepVisible(&state, index: position)
        state.selectedID = state.row(at: position)?.id
        return []
    }

    /// Keeps the selection on its story when `window` holds it (true), at the story's position there.
    private static func followSelection(_ state: inout ReaderState, _ window: StoryWindow) -> Bool {
        guard let id = state.selectedID, let index = window.rows.firstIndex(where: { $0.id == id }) else { return false }
        state.listPosition = window.offset + index
        keepVisible(&state, index: state.listPosition)
        return true
    }

    /// An empty list: nothing selected, shown from the top.
    private static func clearSelection(_ state: inout ReaderState) {
        state.selectedID = nil
        state.listTop = 0
        state.listPosition = 0
    }
}
