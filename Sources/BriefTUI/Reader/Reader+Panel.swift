import BriefStore

/// The entity panel's keys: it lists the entities of the story right below it on the stack.
extension Reader {
    /// Opens the panel over the story on top, on the focused mention's entity if any.
    static func openPanel(_ state: inout ReaderState) {
        guard case let .story(page) = state.stack.top else { return }
        let entities = EntityPanelLines.entities(of: page.stored)
        var selected = 0
        if let focus = page.focus, let spot = page.layout?.mentions.first(where: { $0.number == focus }),
           let index = entities.firstIndex(where: { $0.key == spot.entity }) {
            selected = index
        }
        state.stack.push(.entities(EntityPanelState(selected: selected)))
        // Beside the text the story narrows: lay it out again for its new width.
        fitTop(&state, relayout: false)
    }

    static func panelOperation(_ state: inout ReaderState, _ panel: EntityPanelState,
                               _ operation: ReaderOperation) -> [ReaderEffect] {
        guard case let .story(page)? = state.stack.belowTop else { return [] }
        var panel = panel
        let entities = EntityPanelLines.entities(of: page.stored)
        if let step = CursorStep(operation) {
            panel.cursor.select(step, count: entities.count, page: max(1, state.bodyHeight - 1))
            revealPanelSelection(&panel, state)
            state.stack.setTop(.entities(panel))
            return []
        }
        switch operation {
        case .entities, .clear:
            back(&state)
        case .open:
            guard entities.indices.contains(panel.cursor.selected) else { return [] }
            let key = entities[panel.cursor.selected].key
            back(&state)
            guard case var .story(page) = state.stack.top, let layout = page.layout,
                  let spot = layout.mentions.first(where: { $0.entity == key }) else {
                state.status = "No mention of that name in the text"
                return []
            }
            page.focus = spot.number
            let height = state.bodyHeight
            if spot.line < page.scroll.top || spot.line >= page.scroll.top + height {
                page.scroll.top = spot.line - 2
                page.scroll.clampTop(lineCount: layout.lines.count, height: height)
            }
            state.stack.setTop(.story(page))
            state.status = "\(spot.type.displayName): \(spot.text)"
        default:
            break
        }
        return []
    }

    /// Rows the panel's list has: beside the story a title takes the first.
    static func panelHeight(_ state: ReaderState) -> Int {
        state.size.width >= ReaderState.panelBesideWidth ? max(0, state.bodyHeight - 1) : state.bodyHeight
    }

    /// Keeps the selected entity's line in view (the panel sits over the story right below it).
    static func revealPanelSelection(_ panel: inout EntityPanelState, _ state: ReaderState) {
        guard case let .story(page)? = state.stack.belowTop else { return }
        let content = EntityPanelLines(page.stored, theme: state.theme)
        panel.cursor.clampSelection(count: content.entities.count)
        panel.cursor.reveal(row: content.line(ofEntity: panel.cursor.selected), height: panelHeight(state),
                            lineCount: content.lines.count)
    }
}
