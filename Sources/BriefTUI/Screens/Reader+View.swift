extension Reader {
    /// Draws the state into a grid of its size: a pure function, tested as text.
    public static func view(_ state: ReaderState) -> CellGrid {
        var grid = CellGrid(size: state.size)
        switch state.screen {
        case .list: ListScreen.draw(state, into: &grid)
        case .story: StoryScreen.draw(state, into: &grid)
        case .help: HelpScreen.draw(state, into: &grid)
        case .entities: EntityScreen.draw(state, into: &grid)
        case .entityPage: EntityPageScreen.draw(state, into: &grid)
        case .entityIndex: EntityIndexScreen.draw(state, into: &grid)
        }
        if let prompt = state.prompt { Chrome.drawPrompt(prompt, into: &grid, theme: state.theme) }
        return grid
    }
}
