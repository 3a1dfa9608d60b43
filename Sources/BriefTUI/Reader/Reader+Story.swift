import BriefLayout
import BriefStore

/// The story view's keys, and the story arriving from the store.
extension Reader {
    static func storyOperation(_ state: inout ReaderState, _ page: StoryPage,
                               _ operation: ReaderOperation) -> [ReaderEffect] {
        var page = page
        let height = state.bodyHeight
        let layout = page.layout
        switch operation {
        case .toggleRead:
            // The page knows its own read state best (the list may be a search that does not hold it).
            guard let story = page.stored?.summary ?? state.stories.first(where: { $0.id == page.id }) else { return [] }
            return toggleRead(&state, story, isRead: story.isRead)
        case .toggleStar:
            guard let story = page.stored?.summary ?? state.stories.first(where: { $0.id == page.id }) else { return [] }
            return toggleStar(&state, story, isStarred: story.isStarred)
        case .openLink, .copyLink:
            guard page.stored != nil else { return [] }
            guard page.stored?.link != nil else {
                state.status = "This story has no link"
                return []
            }
            return [operation == .openLink ? .openLink(storyID: page.id) : .copyLink(storyID: page.id)]
        case .undo:
            return undo(&state)
        case .nextUnread where page.searchText != nil, .previousUnread where page.searchText != nil:
            stepMatch(&page, forward: operation == .nextUnread, height: height, status: &state.status)
        case .nextUnread, .previousUnread:
            let forward = operation == .nextUnread
            // The open story may have left the list (read while showing unread only); its neighbour then
            // holds the selection and is itself the next candidate.
            let index = state.stories.firstIndex { $0.id == page.id }.map { state.listOffset + $0 }
                ?? (state.selectedIndex.map { forward ? $0 - 1 : $0 } ?? -1)
            guard let found = unread(in: state, from: index, forward: forward), let story = state.row(at: found) else {
                // Beyond the rows loaded, the store finds it (and it opens when found).
                if let seek = findUnread(state, from: index, forward: forward, open: true) { return [seek] }
                state.status = "No more unread stories"
                return []
            }
            return open(&state, story)
        case .nextSection, .previousSection:
            guard let starts = layout?.sectionStarts, !starts.isEmpty else { break }
            if operation == .nextSection {
                if let next = starts.first(where: { $0 > page.scroll.top }) {
                    page.scroll.top = next
                } else {
                    state.status = "Last section"
                }
            } else {
                page.scroll.top = starts.last { $0 < page.scroll.top } ?? 0
            }
        case .nextMention, .previousMention, .nextSameEntity, .previousSameEntity:
            guard let layout else { break }
            moveFocus(&page, layout: layout, operation: operation, height: height, status: &state.status)
        case .entities:
            if page.stored != nil { openPanel(&state) }
            return []
        case .quotes:
            if page.stored != nil { openQuotes(&state) }
            return []
        case .open:
            guard let focus = page.focus, let spot = layout?.mentions.first(where: { $0.number == focus }) else {
                state.status = "Tab to a name first, then Enter opens its page"
                return []
            }
            return openEntityPage(&state, key: spot.entity)
        case .search:
            state.prompt = Prompt(.story)
            return []
        case .clear:
            if page.searchText != nil {
                page.searchText = nil
                page.matches = []
                page.matchIndex = nil
            } else if page.focus != nil {
                page.focus = nil
            }
        default:
            guard let step = CursorStep(operation) else { return [] }
            page.scroll.scroll(step, lineCount: layout?.lines.count ?? 0, height: height)
        }
        page.scroll.clampTop(lineCount: layout?.lines.count ?? 0, height: height)
        state.stack.setTop(.story(page))
        return []
    }

    static func moveFocus(_ page: inout StoryPage, layout: StoryLayout, operation: ReaderOperation,
                          height: Int, status: inout String?) {
        let spots = layout.mentions
        guard !spots.isEmpty else {
            status = "No names tagged in this story"
            return
        }
        let current = spots.firstIndex { $0.number == page.focus }
        var candidates = spots.indices.map { $0 }
        var forward = operation == .nextMention || operation == .nextSameEntity
        if operation == .nextSameEntity || operation == .previousSameEntity {
            if let current {
                candidates = candidates.filter { spots[$0].entity == spots[current].entity }
            } else {
                forward = true
            }
        }
        let top = page.scroll.top
        let target: Int?
        if let current {
            target = forward ? candidates.first { $0 > current } : candidates.last { $0 < current }
        } else {
            // Nothing focused yet: start from what is on screen.
            target = forward ? candidates.first { spots[$0].line >= top } ?? candidates.first
                             : candidates.last { spots[$0].line < top + height } ?? candidates.last
        }
        guard let target else {
            status = forward ? "No further mention" : "No earlier mention"
            return
        }
        let spot = spots[target]
        page.focus = spot.number
        status = "\(spot.type.displayName): \(spot.text)"
        page.scroll.reveal(row: spot.line, height: height, lineCount: layout.lines.count)
    }

    /// Leaves the story being opened, `id`, for the screen it was opened from, saying why in the status bar.
    static func leaveStory(_ state: inout ReaderState, id: Int64, saying message: String) {
        guard let page = state.page, page.id == id else { return }
        state.status = message
        while state.screen == .story || state.screen == .entities { back(&state) }
    }

    /// The story arrived: the top-most story page waiting for it shows it (focusing the entity it was
    /// opened for); gone from the cache, the story (and its panel) close when on top.
    static func storyLoaded(_ state: inout ReaderState, id: Int64, stored: StoredStory?) {
        guard let page = state.page, page.id == id else { return }
        guard let stored else {
            leaveStory(&state, id: id, saying: "Story \(id) is no longer in the cache")
            return
        }
        var loaded = stored
        // Opening marked it read (the write is already queued): show it so without waiting for a reload.
        if state.openMarksRead, loaded.summary.readAt == nil { loaded.summary.readAt = loaded.summary.importedAt }
        let layout = layout(loaded, state: state)
        var shown = page
        shown.content = .loaded(loaded, layout)
        shown.scroll.top = 0
        shown.focus = nil
        if let key = page.focusEntity, let spot = layout.mentions.first(where: { $0.entity == key }) {
            shown.focus = spot.number
            // From the top when the mention is on the first screen, else with two lines of context above it.
            if spot.line >= state.bodyHeight {
                shown.scroll.top = spot.line - 2
                shown.scroll.clampTop(lineCount: layout.lines.count, height: state.bodyHeight)
            }
            state.status = "\(spot.type.displayName): \(spot.text)"
        }
        state.stack.updateTopStory { $0 = shown }
    }
}
