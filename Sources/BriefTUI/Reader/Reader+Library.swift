import BriefLibrary
import BriefModel
import BriefStore
import BriefTagger

/// The reader's navigation between screens, the entity panel, entity pages, the entity index, searches
/// and the prompt line (all pure, like the rest of `update`).
extension Reader {
    /// The effect that reloads what the story list shows: the search results while a search is active.
    static func reload(_ state: ReaderState) -> ReaderEffect {
        if let search = state.search { return .search(search, unreadOnly: state.unreadOnly) }
        return .loadList(unreadOnly: state.unreadOnly)
    }

    // MARK: - Screen stack

    /// Leaves the top screen, restoring the story or entity page that was under it; quits from the list.
    static func back(_ state: inout ReaderState) {
        guard state.screens.count > 1 else {
            state.isFinished = true
            return
        }
        let left = state.screens.removeLast()
        state.overlayTop = 0
        state.prompt = nil
        switch left {
        case .story:
            state.page = state.screens.contains(.story) ? state.savedPages.popLast() : nil
            if !state.screens.contains(.story) { state.savedPages = [] }
            relayout(&state)
        case .entityPage:
            state.entityPage = state.screens.contains(.entityPage) ? state.savedEntityPages.popLast() : nil
            if !state.screens.contains(.entityPage) { state.savedEntityPages = [] }
        case .entities:
            relayout(&state)
        default:
            break
        }
    }

    /// Shows `page`; a story already further down the stack is kept for `back`.
    static func pushStory(_ state: inout ReaderState, _ page: StoryPage) {
        if state.screen == .story {
            state.page = page
            return
        }
        if state.screen == .entities { back(&state) }
        if state.screen == .story {
            state.page = page
            return
        }
        if let old = state.page, state.screens.contains(.story) { state.savedPages.append(old) }
        state.page = page
        state.screens.append(.story)
    }

    // MARK: - Entity panel

    /// The story's entities in the order the panel lists them: by type, then as `EntityRanking` ranks them.
    static func panelEntities(_ stored: StoredStory?) -> [Entity] {
        guard let entities = stored?.story.entities else { return [] }
        let ranked = EntityRanking.ranked(entities)
        return EntityType.allCases.flatMap { type in ranked.filter { $0.type == type } }
    }

    static func openPanel(_ state: inout ReaderState) {
        state.screens.append(.entities)
        state.overlayTop = 0
        // Start on the focused mention's entity, if any.
        let entities = panelEntities(state.page?.stored)
        state.panelSelection = 0
        if let page = state.page, let focus = page.focus,
           let spot = page.layout?.mentions.first(where: { $0.number == focus }),
           let index = entities.firstIndex(where: { $0.key == spot.entity }) {
            state.panelSelection = index
        }
        relayout(&state)
    }

    static func panelOperation(_ state: inout ReaderState, _ operation: ReaderOperation) -> [ReaderEffect] {
        let entities = panelEntities(state.page?.stored)
        switch operation {
        case .moveDown: state.panelSelection += 1
        case .moveUp: state.panelSelection -= 1
        case .pageDown: state.panelSelection += max(1, state.bodyHeight - 1)
        case .pageUp: state.panelSelection -= max(1, state.bodyHeight - 1)
        case .top: state.panelSelection = 0
        case .bottom: state.panelSelection = entities.count - 1
        case .entities, .clear:
            back(&state)
            return []
        case .open:
            guard entities.indices.contains(state.panelSelection) else { return [] }
            let key = entities[state.panelSelection].key
            back(&state)
            guard var page = state.page, let layout = page.layout,
                  let spot = layout.mentions.first(where: { $0.entity == key }) else {
                state.status = "No mention of that name in the text"
                return []
            }
            page.focus = spot.number
            if spot.line < page.top || spot.line >= page.top + state.bodyHeight {
                page.top = min(max(0, spot.line - 2), max(0, layout.lines.count - state.bodyHeight))
            }
            state.page = page
            state.status = "\(spot.type.displayName): \(spot.text)"
            return []
        default:
            return []
        }
        state.panelSelection = min(max(0, state.panelSelection), max(0, entities.count - 1))
        // Keep the selected row visible: rows are the panel lines; find the selected one's line.
        let line = EntityScreen.line(ofEntity: state.panelSelection, in: state.page?.stored)
        let height = state.bodyHeight
        if line < state.overlayTop { state.overlayTop = line }
        if line >= state.overlayTop + height { state.overlayTop = line - height + 1 }
        state.overlayTop = max(0, state.overlayTop)
        return []
    }

    // MARK: - Entity pages

    static func openEntityPage(_ state: inout ReaderState, key: String) -> [ReaderEffect] {
        if let old = state.entityPage, state.screens.contains(.entityPage) { state.savedEntityPages.append(old) }
        state.entityPage = EntityPageState(key: key)
        state.screens.append(.entityPage)
        state.prompt = nil
        return [.loadEntity(key: key)]
    }

    static func entityLoaded(_ state: inout ReaderState, key: String, _ profile: EntityProfile?) {
        guard var page = state.entityPage, page.key == key else { return }
        page.profile = profile
        page.hasLoaded = true
        page.selected = min(page.selected, max(0, page.stories.count - 1))
        state.entityPage = page
        if profile == nil { state.status = "That entity is no longer in the cache" }
        keepEntityPageSelectionVisible(&state)
    }

    static func entityPageOperation(_ state: inout ReaderState, _ operation: ReaderOperation) -> [ReaderEffect] {
        guard var page = state.entityPage else { return [] }
        let stories = page.stories
        let count = stories.count
        let perPage = max(1, state.bodyHeight / 3)
        switch operation {
        case .moveDown: page.selected += 1
        case .moveUp: page.selected -= 1
        case .pageDown: page.selected += perPage
        case .pageUp: page.selected -= perPage
        case .top: page.selected = 0
        case .bottom: page.selected = count - 1
        case .open:
            guard stories.indices.contains(page.selected) else { return [] }
            let story = stories[page.selected].summary
            var storyPage = StoryPage(id: story.id)
            storyPage.focusEntity = page.key
            state.selectedID = story.id
            pushStory(&state, storyPage)
            // Marking it read also shows it read on this page when we come back.
            return [.loadStory(id: story.id)] + markOpened(&state, story)
        case .search:
            state.prompt = Prompt(.entityStories, text: page.filter)
            return []
        case .clear:
            // Esc clears the filter first, as on the entity index; with none, it leaves the page.
            if page.filter.isEmpty {
                back(&state)
            } else {
                filterEntityPage(&state, "")
                state.status = "Filter cleared"
            }
            return []
        default:
            return []
        }
        page.selected = min(max(0, page.selected), max(0, count - 1))
        state.entityPage = page
        keepEntityPageSelectionVisible(&state)
        return []
    }

    /// Shows only the page's stories whose headline contains `text`, keeping the selected story selected
    /// when it is still shown, else selecting the first.
    static func filterEntityPage(_ state: inout ReaderState, _ text: String) {
        guard var page = state.entityPage, page.filter != text else { return }
        let selectedID = page.stories.indices.contains(page.selected) ? page.stories[page.selected].summary.id : nil
        page.filter = text
        let stories = page.stories
        page.selected = selectedID.flatMap { id in stories.firstIndex { $0.summary.id == id } } ?? 0
        if page.selected == 0 { page.top = 0 }
        state.entityPage = page
        keepEntityPageSelectionVisible(&state)
    }

    static func keepEntityPageSelectionVisible(_ state: inout ReaderState) {
        guard var page = state.entityPage else { return }
        let lines = EntityPageScreen.laidOut(page, width: state.size.width, theme: state.theme)
        page.laidOut = lines
        let height = state.bodyHeight
        if let range = lines.rows(ofStory: page.selected) {
            if range.lowerBound < page.top { page.top = range.lowerBound }
            if range.upperBound > page.top + height { page.top = max(range.lowerBound, range.upperBound - height) }
            // Near the top, show the header too.
            if page.selected == 0 { page.top = 0 }
        }
        page.top = max(0, min(page.top, max(0, lines.lines.count - height)))
        state.entityPage = page
    }

    // MARK: - Entity index

    static func openIndex(_ state: inout ReaderState) -> [ReaderEffect] {
        state.prompt = nil
        if state.screen == .entities { back(&state) }
        if state.screen != .entityIndex {
            state.screens.append(.entityIndex)
        }
        return [.loadEntities(type: state.index.type, filter: state.index.nameFilter)]
    }

    static func entitiesLoaded(_ state: inout ReaderState, type: EntityType?, filter: String,
                               _ entities: [EntitySummary]) {
        guard type == state.index.type, filter == state.index.nameFilter else { return }
        let selectedKey = state.index.entities.indices.contains(state.index.selected)
            ? state.index.entities[state.index.selected].key : nil
        state.index.entities = entities
        state.index.hasLoaded = true
        state.index.selected = selectedKey.flatMap { key in entities.firstIndex { $0.key == key } } ?? 0
        keepIndexSelectionVisible(&state)
    }

    static func indexOperation(_ state: inout ReaderState, _ operation: ReaderOperation) -> [ReaderEffect] {
        let count = state.index.entities.count
        switch operation {
        case .moveDown: state.index.selected += 1
        case .moveUp: state.index.selected -= 1
        case .pageDown: state.index.selected += max(1, state.bodyHeight - 2)
        case .pageUp: state.index.selected -= max(1, state.bodyHeight - 2)
        case .top: state.index.selected = 0
        case .bottom: state.index.selected = count - 1
        case .cycleType:
            state.index.type = EntityIndexState.nextType(after: state.index.type)
            state.index.selected = 0
            state.index.top = 0
            state.status = "Showing \(state.index.type?.displayName ?? "all types")"
            return [.loadEntities(type: state.index.type, filter: state.index.nameFilter)]
        case .search:
            state.prompt = Prompt(.entityName, text: state.index.nameFilter)
        case .clear:
            // Esc clears the filter first; with none, it leaves the index (as on an entity page).
            guard !state.index.nameFilter.isEmpty else {
                back(&state)
                return []
            }
            state.index.nameFilter = ""
            state.index.selected = 0
            state.status = "Filter cleared"
            return [.loadEntities(type: state.index.type, filter: "")]
        case .open:
            guard state.index.entities.indices.contains(state.index.selected) else { return [] }
            return openEntityPage(&state, key: state.index.entities[state.index.selected].key)
        default:
            break
        }
        keepIndexSelectionVisible(&state)
        return []
    }

    static func keepIndexSelectionVisible(_ state: inout ReaderState) {
        let count = state.index.entities.count
        let height = max(1, state.bodyHeight - 1)  // one row for the column header
        state.index.selected = min(max(0, state.index.selected), max(0, count - 1))
        if state.index.selected < state.index.top { state.index.top = state.index.selected }
        if state.index.selected >= state.index.top + height { state.index.top = state.index.selected - height + 1 }
        state.index.top = max(0, min(state.index.top, max(0, count - height)))
    }

    // MARK: - Prompt

    static func promptOperation(_ state: inout ReaderState, _ operation: ReaderOperation) -> [ReaderEffect] {
        guard var prompt = state.prompt else { return [] }
        switch operation {
        case let .typed(character):
            guard !character.unicodeScalars.contains(where: { CellGrid.isUnsafe($0) }) else { return [] }
            prompt.text.append(character)
        case .deleteBackward:
            if prompt.text.isEmpty {
                state.prompt = nil
                return liveFilter(&state, prompt.purpose, "")
            }
            prompt.text.removeLast()
        case .cancelPrompt:
            state.prompt = nil
            return liveFilter(&state, prompt.purpose, "")
        case .submit:
            state.prompt = nil
            return submit(&state, prompt)
        default:
            return []
        }
        state.prompt = prompt
        return liveFilter(&state, prompt.purpose, prompt.text)
    }

    /// The entity index and the entity page filter as the reader types; searches wait for Enter.
    private static func liveFilter(_ state: inout ReaderState, _ purpose: PromptPurpose, _ text: String) -> [ReaderEffect] {
        switch purpose {
        case .entityName: return filterIndex(&state, text)
        case .entityStories:
            filterEntityPage(&state, text)
            return []
        case .library, .story: return []
        }
    }

    private static func filterIndex(_ state: inout ReaderState, _ text: String) -> [ReaderEffect] {
        guard state.index.nameFilter != text else { return [] }
        state.index.nameFilter = text
        state.index.selected = 0
        state.index.top = 0
        return [.loadEntities(type: state.index.type, filter: text)]
    }

    private static func submit(_ state: inout ReaderState, _ prompt: Prompt) -> [ReaderEffect] {
        let text = prompt.text.trimmingWhitespace
        switch prompt.purpose {
        case .library:
            guard !text.isEmpty else {
                if state.search != nil {
                    state.search = nil
                    return [reload(state)]
                }
                return []
            }
            state.search = text
            state.selectedID = nil
            state.listTop = 0
            state.status = "Searching for “\(text)”…"
            return [reload(state)]
        case .story:
            guard var page = state.page, let layout = page.layout else { return [] }
            guard !text.isEmpty else {
                page.searchText = nil
                page.matches = []
                page.matchIndex = nil
                state.page = page
                return []
            }
            page.searchText = text
            page.matches = layout.matches(of: text)
            page.matchIndex = nil
            if page.matches.isEmpty {
                state.status = "Not found: \(text)"
            } else {
                // The first match at or below the top of the screen.
                let first = page.matches.firstIndex { $0.line >= page.top } ?? 0
                page.matchIndex = first
                show(&page, match: first, height: state.bodyHeight, status: &state.status)
            }
            state.page = page
            return []
        case .entityName, .entityStories:
            let effects = liveFilter(&state, prompt.purpose, text)
            if prompt.purpose == .entityStories, let page = state.entityPage, !text.isEmpty {
                let shown = page.stories.count
                state.status = shown == 0 ? "No stories match “\(text)” · Esc clears the filter"
                    : "\(shown) of \(page.profile?.stories.count ?? shown) stories · Enter opens · Esc clears the filter"
            }
            return effects
        }
    }

    // MARK: - In-story search

    static func stepMatch(_ page: inout StoryPage, forward: Bool, height: Int, status: inout String?) {
        guard !page.matches.isEmpty else {
            status = "Not found: \(page.searchText ?? "")"
            return
        }
        let count = page.matches.count
        let next = page.matchIndex.map { forward ? ($0 + 1) % count : ($0 - 1 + count) % count } ?? 0
        page.matchIndex = next
        show(&page, match: next, height: height, status: &status)
    }

    private static func show(_ page: inout StoryPage, match index: Int, height: Int, status: inout String?) {
        let line = page.matches[index].line
        if line < page.top || line >= page.top + height { page.top = max(0, line - height / 3) }
        let lineCount = page.layout?.lines.count ?? 0
        page.top = min(page.top, max(0, lineCount - height))
        status = "Match \(index + 1) of \(page.matches.count) · n/N next/previous · Esc clears"
    }
}

private extension String {
    var trimmingWhitespace: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}
