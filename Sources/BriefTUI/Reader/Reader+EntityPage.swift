import BriefLibrary
/// An entity page's keys, and the page arriving from the store.
extension Reader {
    static func openEntityPage(_ state: inout ReaderState, key: String) -> [ReaderEffect] {
        state.stack.push(.entityPage(EntityPageState(key: key)))
        return [.loadEntity(key: key)]
    }

    static func entityLoaded(_ state: inout ReaderState, key: String, _ profile: EntityProfile?) {
        guard state.entityPage?.key == key else { return }
        let shown = state
        state.stack.updateTopEntityPage { page in
            page.profile = profile
            page.hasLoaded = true
            page.cursor.clampSelection(count: page.stories.count)
            revealEntityPageSelection(&page, shown)
        }
        if profile == nil { state.status = "That entity is no longer in the cache" }
    }

    static func entityPageOperation(_ state: inout ReaderState, _ page: EntityPageState,
                                    _ operation: ReaderOperation) -> [ReaderEffect] {
        var page = page
        let stories = page.stories
        if let step = CursorStep(operation) {
            page.cursor.select(step, count: stories.count, page: max(1, state.bodyHeight / 3))
            revealEntityPageSelection(&page, state)
            state.stack.setTop(.entityPage(page))
            return []
        }
        switch operation {
        case .open:
            guard stories.indices.contains(page.cursor.selected) else { return [] }
            let story = stories[page.cursor.selected].summary
            state.selectedID = story.id
            pushStory(&state, StoryPage(id: story.id, focusEntity: page.key))
            // Marking it read also shows it read on this page when we come back.
            return [.loadStory(id: story.id)] + markOpened(&state, story)
        case .search:
            state.prompt = Prompt(.entityStories, text: page.filter)
        case .clear:
            // Esc clears the filter first, as on the entity index; with none, it leaves the page.
            if page.filter.isEmpty {
                back(&state)
            } else {
                filterEntityPage(&state, "")
                state.status = "Filter cleared"
            }
        default:
            break
        }
        return []
    }

    /// Shows only the top entity page's stories whose headline contains `text`, keeping the selected story
    /// selected when it is still shown, else selecting the first.
    static func filterEntityPage(_ state: inout ReaderState, _ text: String) {
        guard case var .entityPage(page) = state.stack.top, page.filter != text else { return }
        let stories = page.stories
        let selectedID = stories.indices.contains(page.cursor.selected) ? stories[page.cursor.selected].summary.id : nil
        page.filter = text
        let shown = page.stories
        page.cursor.selected = selectedID.flatMap { id in shown.firstIndex { $0.summary.id == id } } ?? 0
        if page.cursor.selected == 0 { page.cursor.top = 0 }
        revealEntityPageSelection(&page, state)
        state.stack.setTop(.entityPage(page))
    }

    /// Lays the page out for the screen width (kept on the page between keys) and keeps the selected story
    /// in view; near the top, the header shows too.
    static func revealEntityPageSelection(_ page: inout EntityPageState, _ state: ReaderState) {
        let content = EntityPageLines.laidOut(page, width: state.size.width, theme: state.theme)
        page.laidOut = content
        let height = state.bodyHeight
        if let rows = content.rows(ofStory: page.cursor.selected) {
            page.cursor.reveal(rows, height: height, lineCount: content.lines.count, fromTop: true)
            if page.cursor.selected == 0 { page.cursor.top = 0 }
        }
        page.cursor.clampTop(lineCount: content.lines.count, height: height)
    }
}
