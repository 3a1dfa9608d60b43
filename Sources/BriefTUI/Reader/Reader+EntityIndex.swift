import BriefStore
import BriefTagger

/// The entity index's keys, and entity lists arriving from the store.
extension Reader {
    /// Opens the index over the top screen (closing the entity panel first), as the index further down the
    /// stack shows, else as it was last left; on the index already, loads it again.
    static func openIndex(_ state: inout ReaderState) -> [ReaderEffect] {
        if state.screen == .entities { back(&state) }
        if state.screen != .entityIndex {
            var index = state.index ?? state.lastIndex
            revealIndexSelection(&index, state)
            state.stack.push(.entityIndex(index))
        }
        let index = state.index ?? state.lastIndex
        return [.loadEntities(type: index.type, filter: index.nameFilter)]
    }

    /// Every index on the stack (and the one last left) showing `type` and `filter` takes the new list,
    /// keeping the selected entity selected.
    static func entitiesLoaded(_ state: inout ReaderState, type: EntityType?, filter: String,
                               _ entities: [EntitySummary]) {
        let shown = state
        func take(_ index: inout EntityIndexState) {
            guard type == index.type, filter == index.nameFilter else { return }
            let selectedKey = index.entities.indices.contains(index.cursor.selected)
                ? index.entities[index.cursor.selected].key : nil
            index.entities = entities
            index.hasLoaded = true
            index.cursor.selected = selectedKey.flatMap { key in entities.firstIndex { $0.key == key } } ?? 0
            revealIndexSelection(&index, shown)
        }
        var last = state.lastIndex
        take(&last)
        state.lastIndex = last
        state.stack.updateAll { screen in
            guard case var .entityIndex(index) = screen else { return }
            take(&index)
            screen = .entityIndex(index)
        }
    }

    /// Reloads the entity lists the stack shows (after a refresh changed the library).
    static func reloadIndexes(_ state: ReaderState) -> [ReaderEffect] {
        var effects: [ReaderEffect] = []
        for case let .entityIndex(index) in state.stack.screens.reversed() {
            let effect = ReaderEffect.loadEntities(type: index.type, filter: index.nameFilter)
            if !effects.contains(effect) { effects.append(effect) }
        }
        return effects
    }

    static func indexOperation(_ state: inout ReaderState, _ index: EntityIndexState,
                               _ operation: ReaderOperation) -> [ReaderEffect] {
        var index = index
        var effects: [ReaderEffect] = []
        if let step = CursorStep(operation) {
            index.cursor.select(step, count: index.entities.count, page: max(1, state.bodyHeight - 2))
        } else {
            switch operation {
            case .cycleType:
                index.type = EntityIndexState.nextType(after: index.type)
                index.cursor = Cursor()
                state.status = "Showing \(index.type?.displayName ?? "all types")"
                effects = [.loadEntities(type: index.type, filter: index.nameFilter)]
            case .search:
                state.prompt = Prompt(.entityName, text: index.nameFilter)
            case .clear:
                // Esc clears the filter first; with none, it leaves the index (as on an entity page).
                guard !index.nameFilter.isEmpty else {
                    back(&state)
                    return []
                }
                index.nameFilter = ""
                index.cursor.selected = 0
                state.status = "Filter cleared"
                effects = [.loadEntities(type: index.type, filter: "")]
            case .open:
                guard index.entities.indices.contains(index.cursor.selected) else { return [] }
                return openEntityPage(&state, key: index.entities[index.cursor.selected].key)
            default:
                break
            }
        }
        revealIndexSelection(&index, state)
        state.stack.setTop(.entityIndex(index))
        return effects
    }

    /// Filters the index on top by name as the reader types.
    static func filterIndex(_ state: inout ReaderState, _ text: String) -> [ReaderEffect] {
        guard case var .entityIndex(index) = state.stack.top, index.nameFilter != text else { return [] }
        index.nameFilter = text
        index.cursor = Cursor()
        state.stack.setTop(.entityIndex(index))
        return [.loadEntities(type: index.type, filter: text)]
    }

    /// Keeps the selected entity among those listed and in view (below the column header).
    static func revealIndexSelection(_ index: inout EntityIndexState, _ state: ReaderState) {
        let count = index.entities.count
        index.cursor.clampSelection(count: count)
        index.cursor.reveal(row: index.cursor.selected, height: max(1, state.bodyHeight - 1), lineCount: count)
    }
}
