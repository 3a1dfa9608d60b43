import BriefStore

/// The reader's logic: a pure `update` from state and operation to state and effects.
/// The view (`Reader.view`) and the terminal loop (`ReaderApp`) are elsewhere.
public enum Reader {
    /// The state before anything is loaded, and the effect that loads the list.
    public static func start(size: ScreenSize, theme: Theme, keymap: Keymap = .standard) -> (ReaderState, [ReaderEffect]) {
        (ReaderState(size: size, theme: theme, keymap: keymap), [.loadList(unreadOnly: false)])
    }

    /// Left and right margin of the story text at a screen width.
    public static func storyMargin(width: Int) -> Int { width >= 40 ? 2 : 0 }

    /// Applies one operation.
    public static func update(_ state: ReaderState, _ operation: ReaderOperation) -> (ReaderState, [ReaderEffect]) {
        var state = state
        var effects: [ReaderEffect] = []
        if operation.isCommand { state.status = nil }
        switch operation {
        case .quit:
            state.isFinished = true
        case .back:
            back(&state)
        case .help:
            if state.screen == .help {
                state.screens.removeLast()
            } else {
                state.prompt = nil
                state.screens.append(.help)
            }
            state.overlayTop = 0
        case let .resize(width, height):
            resize(&state, to: ScreenSize(width: width, height: height))
        case let .listLoaded(stories, total, unread):
            if state.search == nil {
                listLoaded(&state, stories, total: total, unread: unread)
            } else {
                state.totalCount = total
                state.unreadCount = unread
            }
        case let .searchLoaded(query, stories, total, unread):
            if query == state.search { listLoaded(&state, stories, total: total, unread: unread) }
        case let .storyLoaded(id, stored):
            storyLoaded(&state, id: id, stored: stored)
        case let .markedAllRead(ids):
            remember(&state, ReadMark(ids: ids, wasRead: false))
            state.status = ids.isEmpty ? "No unread stories" : "Marked \(ids.count) read · u undoes"
            effects.append(reload(state))
        case let .entitiesLoaded(type, filter, entities):
            entitiesLoaded(&state, type: type, filter: filter, entities)
        case let .entityLoaded(key, profile):
            entityLoaded(&state, key: key, profile)
        case let .refreshProgress(message):
            state.status = message
        case let .refreshFinished(message):
            state.isRefreshing = false
            state.status = message
            effects = [.libraryChanged, reload(state)]
            if state.screens.contains(.entityIndex) {
                effects.append(.loadEntities(type: state.index.type, filter: state.index.nameFilter))
            }
        case let .failed(message):
            state.status = message
        case .typed, .deleteBackward, .submit, .cancelPrompt:
            effects = promptOperation(&state, operation)
        case .entityIndex:
            if state.screen == .help { back(&state) }
            effects = openIndex(&state)
        case .refresh:
            if state.isRefreshing {
                state.status = "Already refreshing…"
            } else {
                state.isRefreshing = true
                state.status = "Refreshing feeds…"
                effects = [.refreshFeeds]
            }
        case let .wheel(lines):
            let step: ReaderOperation = lines > 0 ? .moveDown : .moveUp
            for _ in 0..<min(abs(lines), 50) {
                let (next, more) = update(state, step)
                state = next
                effects += more
            }
        default:
            switch state.screen {
            case .list: effects = listOperation(&state, operation)
            case .story: effects = storyOperation(&state, operation)
            case .entities: effects = panelOperation(&state, operation)
            case .help where operation == .clear: back(&state)
            case .help: overlayOperation(&state, operation)
            case .entityPage: effects = entityPageOperation(&state, operation)
            case .entityIndex: effects = indexOperation(&state, operation)
            }
        }
        return (state, effects)
    }

    // MARK: - Story list

    static func listOperation(_ state: inout ReaderState, _ operation: ReaderOperation) -> [ReaderEffect] {
        let count = state.stories.count
        let index = state.selectedIndex ?? 0
        switch operation {
        case .moveDown: select(&state, index: index + 1)
        case .moveUp: select(&state, index: index - 1)
        case .pageDown: select(&state, index: index + state.bodyHeight)
        case .pageUp: select(&state, index: index - state.bodyHeight)
        case .top: select(&state, index: 0)
        case .bottom: select(&state, index: count - 1)
        case .open:
            guard let story = state.selectedStory else { return [] }
            return open(&state, story)
        case .toggleRead:
            guard let story = state.selectedStory else { return [] }
            return toggleRead(&state, story, isRead: story.isRead)
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
            return [.markAllRead]
        case .undo:
            return undo(&state)
        case .search:
            state.prompt = Prompt(.library, text: state.search ?? "")
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

    static func open(_ state: inout ReaderState, _ story: StorySummary) -> [ReaderEffect] {
        state.selectedID = story.id
        keepSelectionVisible(&state)
        pushStory(&state, StoryPage(id: story.id))
        return [.loadStory(id: story.id)] + markOpened(&state, story)
    }

    static func select(_ state: inout ReaderState, index: Int) {
        guard !state.stories.isEmpty else { return }
        let clamped = min(max(0, index), state.stories.count - 1)
        state.selectedID = state.stories[clamped].id
        keepSelectionVisible(&state)
    }

    static func keepSelectionVisible(_ state: inout ReaderState) {
        let index = state.selectedIndex ?? 0
        let height = state.bodyHeight
        if index < state.listTop { state.listTop = index }
        if index >= state.listTop + height { state.listTop = index - height + 1 }
        state.listTop = max(0, min(state.listTop, max(0, state.stories.count - height)))
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

    // MARK: - Story view

    static func storyOperation(_ state: inout ReaderState, _ operation: ReaderOperation) -> [ReaderEffect] {
        guard var page = state.page else { return [] }
        defer { state.page = page }
        let height = state.bodyHeight
        let layout = page.layout
        let lineCount = layout?.lines.count ?? 0
        let maxTop = max(0, lineCount - height)
        switch operation {
        case .moveDown: page.top += 1
        case .moveUp: page.top -= 1
        case .pageDown: page.top += max(1, height - 1)
        case .pageUp: page.top -= max(1, height - 1)
        case .top: page.top = 0
        case .bottom: page.top = maxTop
        case .toggleRead:
            // The page knows its own read state best (the list may be a search that does not hold it).
            guard let story = page.stored?.summary ?? state.stories.first(where: { $0.id == page.id }) else {
                break
            }
            state.page = page
            let effects = toggleRead(&state, story, isRead: story.isRead)
            page = state.page ?? page
            return effects
        case .undo:
            state.page = page
            let effects = undo(&state)
            page = state.page ?? page
            return effects
        case .nextUnread where page.searchText != nil, .previousUnread where page.searchText != nil:
            stepMatch(&page, forward: operation == .nextUnread, height: height, status: &state.status)
        case .nextUnread, .previousUnread:
            let forward = operation == .nextUnread
            // The open story may have left the list (read while showing unread only); its neighbour then
            // holds the selection and is itself the next candidate.
            let index = state.stories.firstIndex { $0.id == page.id }
                ?? (state.selectedIndex.map { forward ? $0 - 1 : $0 } ?? -1)
            guard let found = unread(in: state, from: index, forward: forward) else {
                state.status = "No more unread stories"
                return []
            }
            let effects = open(&state, state.stories[found])
            page = state.page ?? page
            return effects
        case .nextSection, .previousSection:
            guard let starts = layout?.sectionStarts, !starts.isEmpty else { break }
            if operation == .nextSection {
                if let next = starts.first(where: { $0 > page.top }) { page.top = next } else { state.status = "Last section" }
            } else {
                page.top = starts.last { $0 < page.top } ?? 0
            }
        case .nextMention, .previousMention, .nextSameEntity, .previousSameEntity:
            guard let layout else { break }
            moveFocus(&page, layout: layout, operation: operation, height: height, status: &state.status)
        case .entities:
            if page.stored != nil {
                state.page = page
                openPanel(&state)
                page = state.page ?? page
                return []
            }
        case .open:
            guard let focus = page.focus, let spot = layout?.mentions.first(where: { $0.number == focus }) else {
                state.status = "Tab to a name first, then Enter opens its page"
                break
            }
            state.page = page
            return openEntityPage(&state, key: spot.entity)
        case .search:
            state.prompt = Prompt(.story)
        case .clear:
            if page.searchText != nil {
                page.searchText = nil
                page.matches = []
                page.matchIndex = nil
            } else if page.focus != nil {
                page.focus = nil
            }
        default:
            break
        }
        page.top = min(max(0, page.top), maxTop)
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
        let target: Int?
        if let current {
            target = forward ? candidates.first { $0 > current } : candidates.last { $0 < current }
        } else {
            // Nothing focused yet: start from what is on screen.
            target = forward ? candidates.first { spots[$0].line >= page.top } ?? candidates.first
                             : candidates.last { spots[$0].line < page.top + height } ?? candidates.last
        }
        guard let target else {
            status = forward ? "No further mention" : "No earlier mention"
            return
        }
        let spot = spots[target]
        page.focus = spot.number
        status = "\(spot.type.displayName): \(spot.text)"
        if spot.line < page.top { page.top = spot.line }
        if spot.line >= page.top + height { page.top = spot.line - height + 1 }
    }

    static func storyLoaded(_ state: inout ReaderState, id: Int64, stored: StoredStory?) {
        guard var page = state.page, page.id == id, page.stored == nil || page.stored?.summary.id == id else { return }
        guard let stored else {
            state.status = "Story \(id) is no longer in the cache"
            while state.screen == .story || state.screen == .entities { back(&state) }
            return
        }
        var loaded = stored
        // Opening marked it read (the write is already queued): show it so without waiting for a reload.
        if state.openMarksRead, loaded.summary.readAt == nil { loaded.summary.readAt = loaded.summary.importedAt }
        page.stored = loaded
        page.layout = layout(loaded, state: state)
        page.top = 0
        page.focus = nil
        if let key = page.focusEntity, let layout = page.layout,
           let spot = layout.mentions.first(where: { $0.entity == key }) {
            page.focus = spot.number
            // From the top when the mention is on the first screen, else with two lines of context above it.
            if spot.line >= state.bodyHeight {
                page.top = min(max(0, spot.line - 2), max(0, layout.lines.count - state.bodyHeight))
            }
            state.status = "\(spot.type.displayName): \(spot.text)"
        }
        page.focusEntity = nil
        state.page = page
    }

    /// The width the story text is laid out in: the screen less its margins, and less the entity panel
    /// when the panel sits beside the text.
    static func storyWidth(_ state: ReaderState) -> Int {
        let width = state.isPanelBeside ? state.size.width - ReaderState.panelWidth - 1 : state.size.width
        return width - 2 * storyMargin(width: width)
    }

    static func layout(_ stored: StoredStory, state: ReaderState) -> StoryLayout {
        StoryLayout(stored, width: storyWidth(state), theme: state.theme)
    }

    // MARK: - Help and entities

    static func overlayOperation(_ state: inout ReaderState, _ operation: ReaderOperation) {
        switch operation {
        case .moveDown: state.overlayTop += 1
        case .moveUp: state.overlayTop -= 1
        case .pageDown: state.overlayTop += max(1, state.bodyHeight - 1)
        case .pageUp: state.overlayTop -= max(1, state.bodyHeight - 1)
        case .top: state.overlayTop = 0
        case .bottom: state.overlayTop = Int.max / 2
        default: break
        }
        let lineCount = HelpScreen.lines(state.keymap, theme: state.theme).count
        state.overlayTop = min(max(0, state.overlayTop), max(0, lineCount - state.bodyHeight))
    }

    // MARK: - Resize

    static func resize(_ state: inout ReaderState, to size: ScreenSize) {
        state.size = size
        keepSelectionVisible(&state)
        relayout(&state)
        if state.entityPage != nil { keepEntityPageSelectionVisible(&state) }
        keepIndexSelectionVisible(&state)
        overlayOperation(&state, .resize(width: size.width, height: size.height))
    }

    /// Lays the open story out again for the current width, keeping the paragraph at the top of the screen
    /// (and the focused mention) in view.
    static func relayout(_ state: inout ReaderState) {
        guard var page = state.page, let stored = page.stored, let old = page.layout else { return }
        let anchor = old.lines.indices.contains(page.top) ? old.lines[page.top].block : 0
        let layout = layout(stored, state: state)
        page.layout = layout
        page.top = min(layout.firstLine(ofBlock: anchor), max(0, layout.lines.count - state.bodyHeight))
        if let focus = page.focus, let spot = layout.mentions.first(where: { $0.number == focus }),
           spot.line < page.top || spot.line >= page.top + state.bodyHeight {
            page.top = min(spot.line, max(0, layout.lines.count - state.bodyHeight))
        }
        if let text = page.searchText {
            page.matches = layout.matches(of: text)
            page.matchIndex = page.matches.isEmpty ? nil : min(page.matchIndex ?? 0, page.matches.count - 1)
        }
        state.page = page
    }
}

extension ReaderOperation {
    /// True for operations the reader asked for (keys), false for effect results, which keep the status.
    var isCommand: Bool {
        switch self {
        case .listLoaded, .searchLoaded, .storyLoaded, .markedAllRead, .entitiesLoaded, .entityLoaded,
             .refreshProgress, .refreshFinished, .failed, .resize: false
        default: true
        }
    }
}
