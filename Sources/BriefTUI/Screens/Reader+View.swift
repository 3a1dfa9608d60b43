extension Reader {
    /// Draws the state into a grid of its size: a pure function, tested as text.
    public static func view(_ state: ReaderState) -> CellGrid {
        var grid = CellGrid(size: state.size)
        switch state.stack.top {
        case .list: ListScreen.draw(state, into: &grid)
        case let .story(page): StoryScreen.draw(page, state, into: &grid)
        case let .help(cursor): HelpScreen.draw(cursor, state, into: &grid)
        case let .entities(panel):
            if case let .story(page)? = state.stack.belowTop { EntityScreen.draw(panel, over: page, state, into: &grid) }
        case let .quotes(cursor):
            if case let .story(page)? = state.stack.belowTop { QuotesScreen.draw(cursor, over: page, state, into: &grid) }
        case let .entityPage(page): EntityPageScreen.draw(page, state, into: &grid)
        case let .entityIndex(index): EntityIndexScreen.draw(index, state, into: &grid)
        case let .feeds(view): FeedsScreen.draw(view, state, into: &grid)
        }
        if let prompt = state.prompt { Chrome.drawPrompt(prompt, into: &grid, theme: state.theme) }
        return grid
    }
}
