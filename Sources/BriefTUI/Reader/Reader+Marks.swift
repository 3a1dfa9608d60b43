import BriefStore

/// Read marks and their undo: every change of read state the reader makes goes through here, so `u` can put
/// back exactly what the last change altered, through the same store write as any other mark.
extension Reader {
    /// Remembers a change for `u`, forgetting the oldest beyond `ReadMark.undoLimit`.
    static func remember(_ state: inout ReaderState, _ mark: ReadMark) {
        guard !mark.ids.isEmpty else { return }
        state.undoStack.append(mark)
        let excess = state.undoStack.count - ReadMark.undoLimit
        if excess > 0 { state.undoStack.removeFirst(excess) }
    }

    /// Marks `ids` read or unread: the store write, with the copies already on screen (list, open story, entity
    /// pages) changed at once. A list of every story only changes its marks, so it is changed in place rather than
    /// read again (10,000 rows take longer than a key may); an unread-only list or a search is read again, since
    /// stories leave or join it.
    static func setRead(_ state: inout ReaderState, _ read: Bool, ids: [Int64]) -> [ReaderEffect] {
        showRead(&state, read, ids: ids)
        guard state.unreadOnly || state.search != nil else {
            let marked = Set(ids)
            for index in state.stories.indices where marked.contains(state.stories[index].id) {
                guard state.stories[index].isRead != read else { continue }
                state.stories[index].readAt = read ? state.stories[index].importedAt : nil
                state.unreadCount += read ? -1 : 1
            }
            return [.setRead(read, ids: ids)]
        }
        return [.setRead(read, ids: ids), reload(state)]
    }

    /// `r` on a story whose read state is `isRead`: flips it and remembers the change.
    static func toggleRead(_ state: inout ReaderState, _ story: StorySummary, isRead: Bool) -> [ReaderEffect] {
        guard !refusedReadOnly(&state) else { return [] }
        remember(&state, ReadMark(ids: [story.id], wasRead: isRead, title: story.title))
        state.status = isRead ? "Marked unread" : "Marked read"
        return setRead(&state, !isRead, ids: [story.id])
    }

    /// Opening `story` marks it read when the config says so; that is a change `u` can take back too
    /// (opening the wrong story should not cost its unread mark).
    static func markOpened(_ state: inout ReaderState, _ story: StorySummary) -> [ReaderEffect] {
        guard !story.isRead, state.openMarksRead, !state.readOnly else { return [] }
        remember(&state, ReadMark(ids: [story.id], wasRead: false, title: story.title))
        return setRead(&state, true, ids: [story.id])
    }

    /// True (with a line in the status bar) when the cache is read-only and a mark must not be made.
    static func refusedReadOnly(_ state: inout ReaderState) -> Bool {
        guard state.readOnly else { return false }
        state.status = "The cache is read-only: marks and stars are not saved"
        return true
    }

    /// `u`: restores the read state the last remembered change altered.
    static func undo(_ state: inout ReaderState) -> [ReaderEffect] {
        guard let mark = state.undoStack.popLast() else {
            state.status = "Nothing to undo"
            return []
        }
        state.status = mark.undoneMessage
        // A story that `r` took out of an unread-only list comes back selected.
        if state.screen == .list, mark.ids.count == 1 { state.selectedID = mark.ids[0] }
        if mark.isStar { return setStarred(&state, mark.wasRead, ids: mark.ids) }
        return setRead(&state, mark.wasRead, ids: mark.ids)
    }

    /// `s` on a story whose star state is `isStarred`: flips it and remembers the change.
    static func toggleStar(_ state: inout ReaderState, _ story: StorySummary, isStarred: Bool) -> [ReaderEffect] {
        guard !refusedReadOnly(&state) else { return [] }
        remember(&state, ReadMark(ids: [story.id], wasRead: isStarred, title: story.title, isStar: true))
        state.status = isStarred ? "Star taken off" : "Starred · u undoes"
        return setStarred(&state, !isStarred, ids: [story.id])
    }

    /// Stars or unstars `ids`: the store write, with the copies on screen changed at once. The Starred list is
    /// read again (stories leave or join it); any other list only changes its markers, in place.
    static func setStarred(_ state: inout ReaderState, _ starred: Bool, ids: [Int64]) -> [ReaderEffect] {
        let marked = Set(ids)
        func fix(_ summary: inout StorySummary) {
            guard marked.contains(summary.id), summary.isStarred != starred else { return }
            // The store keeps the real time; on screen only starred or not matters.
            summary.starredAt = starred ? summary.importedAt : nil
        }
        state.stack.updateAll { screen in
            guard case var .story(page) = screen, case .loaded(var stored, let layout) = page.content,
                  marked.contains(stored.summary.id) else { return }
            fix(&stored.summary)
            page.content = .loaded(stored, layout)
            screen = .story(page)
        }
        guard state.scope == .starred else {
            for index in state.stories.indices where marked.contains(state.stories[index].id) { fix(&state.stories[index]) }
            return [.setStarred(starred, ids: ids)]
        }
        return [.setStarred(starred, ids: ids), reload(state)]
    }

    /// Changes the read state of the stories held outside the list: every story page and entity page on the
    /// stack. (The list reloads from the store.)
    static func showRead(_ state: inout ReaderState, _ read: Bool, ids: [Int64]) {
        let ids = Set(ids)
        func fix(_ summary: inout StorySummary) {
            guard ids.contains(summary.id), summary.isRead != read else { return }
            // The store keeps the real time; on screen only read or not matters.
            summary.readAt = read ? summary.importedAt : nil
        }
        state.stack.updateAll { screen in
            switch screen {
            case var .story(page):
                guard case .loaded(var stored, let layout) = page.content, ids.contains(stored.summary.id) else { return }
                fix(&stored.summary)
                page.content = .loaded(stored, layout)
                screen = .story(page)
            case var .entityPage(page):
                guard var profile = page.profile,
                      profile.stories.contains(where: { ids.contains($0.summary.id) }) else { return }
                for index in profile.stories.indices { fix(&profile.stories[index].summary) }
                page.profile = profile
                screen = .entityPage(page)
            default:
                break
            }
        }
    }
}
