/// The prompt line over the top screen: typing, and what Enter or Esc does for each purpose.
extension Reader {
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
            return filterEntityPage(&state, text)
        case .library, .story: return []
        }
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
            // A new query: the library's counts in the title are still right.
            return [.search(text, unreadOnly: state.unreadOnly, recount: false)]
        case .story:
            searchStory(&state, text)
            return []
        case .entityName, .entityStories:
            let effects = liveFilter(&state, prompt.purpose, text)
            if prompt.purpose == .entityStories, let page = state.entityPage, !text.isEmpty {
                let shown = page.stories.count
                state.status = shown == 0 ? "No stories match “\(text)” · Esc clears the filter"
                    : "\(shown) of \(page.profile?.storyCount ?? shown) stories · Enter opens · Esc clears the filter"
            }
            return effects
        }
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
