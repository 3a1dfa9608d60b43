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
            if page.filter.isEmpty, let profile = page.profile, !profile.isWhole {
                return moveInWindow(&state, page, profile, step)
            }
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
                state.status = "Filter cleared"
                return filterEntityPage(&state, "")
            }
        default:
            break
        }
        return []
    }

    /// Moves the selection of a page whose stories are loaded a window at a time: within the window, loading the
    /// window around the selection as it nears the window's edge; beyond it, loading the window there first.
    private static func moveInWindow(_ state: inout ReaderState, _ page: EntityPageState, _ profile: EntityProfile,
                                     _ step: CursorStep) -> [ReaderEffect] {
        var page = page
        var cursor = Cursor(selected: profile.storyOffset + page.cursor.selected)
        cursor.select(step, count: profile.storyCount, page: max(1, state.bodyHeight / 3))
        let target = cursor.selected
        let loaded = profile.storyOffset..<profile.storyOffset + profile.stories.count
        let load = ReaderEffect.loadEntityStories(key: page.key, at: target, whole: false)
        guard loaded.contains(target) else { return [load] }
        page.cursor.selected = target - profile.storyOffset
        revealEntityPageSelection(&page, state)
        state.stack.setTop(.entityPage(page))
        let margin = EntityStoryWindow.size / 4
        let nearTop = loaded.lowerBound > 0 && target - loaded.lowerBound < margin
        let nearEnd = loaded.upperBound < profile.storyCount && loaded.upperBound - target <= margin
        return nearTop || nearEnd ? [load] : []
    }

    /// More of the top entity page's stories arrived: the story at position `position` is selected, kept on the
    /// screen row it was on (shown anew when it was not loaded).
    static func entityStoriesLoaded(_ state: inout ReaderState, key: String, select position: Int,
                                    _ window: EntityStoryWindow) {
        guard case var .entityPage(page) = state.stack.top, page.key == key, var profile = page.profile else { return }
        let old = page.laidOut.flatMap { $0.rows(ofStory: page.cursor.selected) }.map { $0.lowerBound - page.cursor.top }
        let selectedID = window.stories.indices.contains(position - window.offset)
            ? window.stories[position - window.offset].summary.id : nil
        profile.take(window)
        page.profile = profile
        let shown = page.stories
        page.cursor.selected = selectedID.flatMap { id in shown.firstIndex { $0.summary.id == id } } ?? 0
        let content = EntityPageLines.laidOut(page, width: state.size.width, theme: state.theme)
        page.laidOut = content
        if let old, let rows = content.rows(ofStory: page.cursor.selected) { page.cursor.top = rows.lowerBound - old }
        revealEntityPageSelection(&page, state)
        state.stack.setTop(.entityPage(page))
    }

    /// Shows only the top entity page's stories whose headline contains `text`, keeping the selected story
    /// selected when it is still shown, else selecting the first. A page loaded a window at a time loads all its
    /// stories for the filter; with the filter cleared, it keeps a window of them around the selection.
    static func filterEntityPage(_ state: inout ReaderState, _ text: String) -> [ReaderEffect] {
        guard case var .entityPage(page) = state.stack.top, page.filter != text else { return [] }
        let stories = page.stories
        let selectedID = stories.indices.contains(page.cursor.selected) ? stories[page.cursor.selected].summary.id : nil
        if !text.isEmpty, let profile = page.profile, !profile.isWhole {
            let position = profile.storyOffset + page.cursor.selected
            page.filter = text
            state.stack.setTop(.entityPage(page))
            return [.loadEntityStories(key: page.key, at: position, whole: true)]
        }
        page.filter = text
        if text.isEmpty, var profile = page.profile, profile.isWhole, profile.storyCount > EntityStoryWindow.size {
            let index = selectedID.flatMap { id in profile.stories.firstIndex { $0.summary.id == id } } ?? 0
            let start = max(0, min(index - EntityStoryWindow.size / 2, profile.stories.count - EntityStoryWindow.size))
            profile.take(EntityStoryWindow(offset: start, stories: Array(profile.stories[start..<start + EntityStoryWindow.size]),
                                           count: profile.storyCount))
            page.profile = profile
        }
        let shown = page.stories
        page.cursor.selected = selectedID.flatMap { id in shown.firstIndex { $0.summary.id == id } } ?? 0
        if page.cursor.selected == 0 { page.cursor.top = 0 }
        revealEntityPageSelection(&page, state)
        state.stack.setTop(.entityPage(page))
        return []
    }

    /// Lays the page out for the screen width (kept on the page between keys) and keeps the selected story
    /// in view; near the top, the header shows too.
    static func revealEntityPageSelection(_ page: inout EntityPageState, _ state: ReaderState) {
        let content = EntityPageLines.laidOut(page, width: state.size.width, theme: state.theme)
        page.laidOut = content
        let height = state.bodyHeight
        if let rows = content.rows(ofStory: page.cursor.selected) {
            page.cursor.reveal(rows, height: height, lineCount: content.lines.count, fromTop: true)
            // The first story shows the page's head above it (a window further down has none).
            if page.cursor.selected == 0 { page.cursor.top = 0 }
        }
        page.cursor.clampTop(lineCount: content.lines.count, height: height)
    }
}
