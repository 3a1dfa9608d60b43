import BriefLayout
import BriefModel
import BriefStore

/// The quotes panel's keys: it lists the quotes of the story right below it on the stack, with their speakers.
extension Reader {
    /// Opens the panel over the story on top, on the first quote at or below the top of the text.
    static func openQuotes(_ state: inout ReaderState) {
        guard case let .story(page) = state.stack.top, let stored = page.stored else { return }
        guard !stored.story.quotes.isEmpty else {
            state.status = "No quotes in this story"
            return
        }
        var cursor = Cursor()
        if let layout = page.layout {
            cursor.selected = stored.story.quotes.firstIndex {
                line(of: $0.paragraph, in: layout) >= page.scroll.top
            } ?? 0
        }
        state.stack.push(.quotes(cursor))
        fitTop(&state, relayout: false)
    }

    static func quotesOperation(_ state: inout ReaderState, _ cursor: Cursor, _ operation: ReaderOperation) {
        guard case let .story(page)? = state.stack.belowTop, let stored = page.stored else { return }
        var cursor = cursor
        let count = stored.story.quotes.count
        if let step = CursorStep(operation) {
            cursor.select(step, count: count, page: max(1, state.bodyHeight / 3))
            revealQuote(&cursor, state)
            state.stack.setTop(.quotes(cursor))
            return
        }
        switch operation {
        case .quotes, .clear:
            back(&state)
        case .open:
            guard stored.story.quotes.indices.contains(cursor.selected) else { return }
            let quote = stored.story.quotes[cursor.selected]
            back(&state)
            guard case var .story(page) = state.stack.top, let layout = page.layout else { return }
            page.scroll.top = line(of: quote.paragraph, in: layout)
            page.scroll.clampTop(lineCount: layout.lines.count, height: state.bodyHeight)
            state.stack.setTop(.story(page))
            let who = (quote.speaker ?? quote.description).map { ": " + TerminalText.sanitize($0) }
            state.status = "Quote \(cursor.selected + 1) of \(count)" + (who ?? "")
        default:
            break
        }
    }

    /// The text line a quote's paragraph starts on (the Quotes list at the end when its paragraph is unknown).
    static func line(of paragraph: Int?, in layout: StoryLayout) -> Int {
        if let paragraph, layout.paragraphStarts.indices.contains(paragraph) { return layout.paragraphStarts[paragraph] }
        return layout.sectionStarts.last ?? 0
    }

    /// Keeps the selected quote's lines in view.
    static func revealQuote(_ cursor: inout Cursor, _ state: ReaderState) {
        guard case let .story(page)? = state.stack.belowTop else { return }
        let content = QuotesPanelLines(page.stored, width: state.size.width - 2, theme: state.theme)
        cursor.clampSelection(count: content.rows.count)
        guard content.rows.indices.contains(cursor.selected) else { return }
        cursor.reveal(content.rows[cursor.selected], height: state.bodyHeight, lineCount: content.lines.count)
    }
}
