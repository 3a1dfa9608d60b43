import BriefLibrary

/// The feed view's keys, and moving between it and the story lists it opens: Enter on a feed or folder shows its
/// stories in the story list (titled with its name), and leaving that list comes back to the feed view.
extension Reader {
    /// `F`: the feed view, as it was last left, its counts read again.
    static func openFeeds(_ state: inout ReaderState) -> [ReaderEffect] {
        if state.screen == .feeds {
            back(&state)
            return []
        }
        while state.screen != .list { back(&state) }
        state.stack.push(.feeds(state.lastFeeds ?? FeedViewState()))
        return [.loadFeeds]
    }

    static func feedsOperation(_ state: inout ReaderState, _ view: FeedViewState,
                               _ operation: ReaderOperation) -> [ReaderEffect] {
        var view = view
        if let step = CursorStep(operation) {
            view.cursor.select(step, count: view.rows.count, page: state.bodyHeight)
            view.cursor.reveal(row: view.cursor.selected, height: state.bodyHeight, lineCount: view.rows.count)
            state.stack.setTop(.feeds(view))
            return []
        }
        guard operation == .open, let row = view.selectedRow else { return [] }
        // The list takes the row's stories; leaving it brings this view back as it is now.
        state.lastFeeds = view
        state.stack.pop()
        state.scope = row.scope
        state.search = nil
        state.selectedID = nil
        state.listTop = 0
        return [reload(state)]
    }

    /// The feed view's content arrived: shown with the selection kept on the same row where it still is.
    static func feedsLoaded(_ state: inout ReaderState, _ overview: FeedOverview) {
        guard case var .feeds(view) = state.stack.top else { return }
        let selected = view.selectedRow
        view.overview = overview
        view.rows = FeedRow.rows(overview)
        if let selected, let index = view.rows.firstIndex(where: { $0.scope == selected.scope }) {
            view.cursor.selected = index
        }
        view.cursor.clampSelection(count: view.rows.count)
        view.cursor.reveal(row: view.cursor.selected, height: state.bodyHeight, lineCount: view.rows.count)
        state.stack.setTop(.feeds(view))
    }

    /// `q` on a list of a feed, a folder or the starred stories: back to every story (and, from a feed's or
    /// folder's, to the feed view over it). The selected story stays selected when it is in the list.
    static func leaveScope(_ state: inout ReaderState) -> [ReaderEffect] {
        let left = state.scope
        state.scope = .all
        state.search = nil
        var effects = [reload(state)]
        switch left {
        case .feed, .folder:
            state.stack.push(.feeds(state.lastFeeds ?? FeedViewState()))
            effects.append(.loadFeeds)
        case .all, .starred:
            state.status = "Showing all stories"
        }
        return effects
    }
}
