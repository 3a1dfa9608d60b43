import BriefLayout
import BriefLayout
import BriefStore

/// Moving between screens: each screen carries its own state on the stack, so going back needs no
/// restoring, only fitting the screen that shows again to the current size.
extension Reader {
    /// Leaves the top screen, showing the one below as it was left; quits from the list.
    static func back(_ state: inout ReaderState) {
        guard let left = state.stack.pop() else {
            state.isFinished = true
            return
        }
        if case let .entityIndex(index) = left { state.lastIndex = index }
        if case let .feeds(view) = left { state.lastFeeds = view }
        fitTop(&state, relayout: false)
    }

    /// Shows `page`: in place of the story on top (next unread), else over the top screen (closing the
    /// entity panel first); stories further down the stack stay for `back`.
    static func pushStory(_ state: inout ReaderState, _ page: StoryPage) {
        if state.screen == .entities { back(&state) }
        if state.screen == .story {
            state.stack.setTop(.story(page))
        } else {
            state.stack.push(.story(page))
        }
    }

    static func resize(_ state: inout ReaderState, to size: ScreenSize) {
        state.size = size
        fitTop(&state, relayout: true)
    }

    /// Fits the list and the top screen to the screen size: the list keeps its selection in view; a story
    /// shown at another width is laid out again (with `relayout`, also at the same width, to keep the
    /// paragraph at the top in place after a resize); lists and texts keep their selection and scroll within
    /// their lines. Screens further down are fitted when they show again.
    static func fitTop(_ state: inout ReaderState, relayout: Bool) {
        keepSelectionVisible(&state)
        switch state.stack.top {
        case .list:
            break
        case let .story(page):
            state.stack.setTop(.story(fitted(page, state, relayout: relayout)))
        case var .entities(panel):
            if case let .story(page)? = state.stack.belowTop {
                state.stack.setBelowTop(.story(fitted(page, state, relayout: relayout)))
            }
            revealPanelSelection(&panel, state)
            state.stack.setTop(.entities(panel))
        case var .quotes(cursor):
            if case let .story(page)? = state.stack.belowTop {
                state.stack.setBelowTop(.story(fitted(page, state, relayout: relayout)))
            }
            revealQuote(&cursor, state)
            state.stack.setTop(.quotes(cursor))
        case var .help(cursor):
            cursor.clampTop(lineCount: HelpLines.lines(state.keymap, theme: state.theme).count, height: state.bodyHeight)
            state.stack.setTop(.help(cursor))
        case var .entityPage(page):
            revealEntityPageSelection(&page, state)
            state.stack.setTop(.entityPage(page))
        case var .entityIndex(index):
            revealIndexSelection(&index, state)
            state.stack.setTop(.entityIndex(index))
        case var .feeds(view):
            view.cursor.reveal(row: view.cursor.selected, height: state.bodyHeight, lineCount: view.rows.count)
            state.stack.setTop(.feeds(view))
        }
    }

    /// `page` laid out for the story width of `state` when it was laid out for another (or, with `relayout`,
    /// always), keeping the paragraph at the top of the screen (and the focused mention) in view.
    static func fitted(_ page: StoryPage, _ state: ReaderState, relayout: Bool) -> StoryPage {
        guard case let .loaded(stored, old) = page.content else { return page }
        let width = storyWidth(state)
        guard relayout || old.width != max(1, width) else { return page }
        var page = page
        let height = state.bodyHeight
        let anchor = old.lines.indices.contains(page.scroll.top) ? old.lines.block(ofLine: page.scroll.top) : 0
        let layout = layout(stored, state: state)
        page.content = .loaded(stored, layout)
        page.scroll.top = layout.firstLine(ofBlock: anchor)
        page.scroll.clampTop(lineCount: layout.lines.count, height: height)
        if let focus = page.focus, let spot = layout.mentions.first(where: { $0.number == focus }),
           spot.line < page.scroll.top || spot.line >= page.scroll.top + height {
            page.scroll.top = spot.line
            page.scroll.clampTop(lineCount: layout.lines.count, height: height)
        }
        if let text = page.searchText {
            page.matches = layout.matches(of: text)
            page.matchIndex = page.matches.isEmpty ? nil : min(page.matchIndex ?? 0, page.matches.count - 1)
        }
        return page
    }

    /// The width the story text is laid out in: the screen less its margins, and less the entity panel
    /// when the panel sits beside the text.
    static func storyWidth(_ state: ReaderState) -> Int {
        let width = state.isPanelBeside ? state.size.width - ReaderState.panelWidth - 1 : state.size.width
        return width - 2 * storyMargin(width: width)
    }

    static func layout(_ stored: StoredStory, state: ReaderState) -> StoryLayout {
        StoryLayout(stored, width: storyWidth(state))
    }
}
