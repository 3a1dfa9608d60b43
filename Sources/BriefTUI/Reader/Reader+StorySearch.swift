/// The in-story search: its matches, stepping through them, and keeping the current one in view.
extension Reader {
    /// Searches the story on top for `text` (an empty text ends the search), showing the first match at or
    /// below the top of the screen.
    static func searchStory(_ state: inout ReaderState, _ text: String) {
        guard case var .story(page) = state.stack.top, let layout = page.layout else { return }
        defer { state.stack.setTop(.story(page)) }
        guard !text.isEmpty else {
            page.searchText = nil
            page.matches = []
            page.matchIndex = nil
            return
        }
        page.searchText = text
        page.matches = layout.matches(of: text)
        page.matchIndex = nil
        if page.matches.isEmpty {
            state.status = "Not found: \(text)"
        } else {
            let first = page.matches.firstIndex { $0.line >= page.scroll.top } ?? 0
            page.matchIndex = first
            show(&page, match: first, height: state.bodyHeight, status: &state.status)
        }
    }

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

    /// Scrolls a match off screen to a third of the way down.
    private static func show(_ page: inout StoryPage, match index: Int, height: Int, status: inout String?) {
        let line = page.matches[index].line
        if line < page.scroll.top || line >= page.scroll.top + height { page.scroll.top = max(0, line - height / 3) }
        page.scroll.clampTop(lineCount: page.layout?.lines.count ?? 0, height: height)
        status = "Match \(index + 1) of \(page.matches.count) · n/N next/previous · Esc clears"
    }
}
