import BriefLibrary
import BriefStore

/// The reader's logic: a pure `update` from state and operation to state and effects. Each screen's keys
/// are handled in a file of their own (`Reader+List`, `Reader+Story`, …); the view (`Reader.view`) and the
/// terminal loop (`ReaderApp`) are elsewhere.
public enum Reader {
    /// The state before anything is loaded, and the effect that loads the list.
    public static func start(size: ScreenSize, theme: Theme, keymap: Keymap = .standard) -> (ReaderState, [ReaderEffect]) {
        (ReaderState(size: size, theme: theme, keymap: keymap), [.loadList(unreadOnly: false)])
    }

    /// Left and right margin of the story text at a screen width.
    public static func storyMargin(width: Int) -> Int { width >= 40 ? 2 : 0 }

    /// Applies one operation.
    public static func update(_ state: ReaderState, _ operation: ReaderOperation) -> (ReaderState, [ReaderEffect]) {
        var state = state
        var effects: [ReaderEffect] = []
        let quitAsked = state.quitAsked
        if operation.isCommand {
            state.status = nil
            state.quitAsked = false
        }
        switch operation {
        case .quit:
            state.isFinished = true
        case .back where state.screen == .list && state.prompt == nil && state.scope != .all:
            effects = leaveScope(&state)
        case .back where state.screen == .list && state.confirmQuit && !quitAsked:
            state.quitAsked = true
            state.status = "Quit Brief? q again quits; any other key stays"

        case .back:
            back(&state)
        case .help:
            if state.screen == .help { back(&state) } else { state.stack.push(.help(Cursor())) }
        case let .resize(width, height):
            resize(&state, to: ScreenSize(width: width, height: height))
        case .listLoaded, .listPageLoaded:
            let (window, total, unread) = operation.listPage ?? (StoryWindow(rows: []), 0, 0)
            if state.search == nil {
                effects = listPageLoaded(&state, window, total: total, unread: unread)
            } else {
                state.totalCount = total
                state.unreadCount = unread
            }
        case let .listWindowLoaded(window, open):
            if state.search == nil { effects = listWindowLoaded(&state, window, open: open) }
        case let .searchLoaded(query, stories, total, unread):
            if query == state.search {
                effects = listPageLoaded(&state, StoryWindow(rows: stories), total: total ?? state.totalCount,
                                         unread: unread ?? state.unreadCount)
                // The title says what was found; "Searching for …" is over.
                if state.status?.hasPrefix("Searching for") == true { state.status = nil }
            }
        case let .storyLoaded(id, stored):
            storyLoaded(&state, id: id, stored: stored)
        case let .storyUnreadable(id, message):
            leaveStory(&state, id: id, saying: message)
        case let .markedAllRead(ids):
            remember(&state, ReadMark(ids: ids, wasRead: false))
            state.status = ids.isEmpty ? "No unread stories" : "Marked \(ids.count) read · u undoes"
            effects.append(reload(state))
        case let .entitiesLoaded(type, filter, entities):
            entitiesLoaded(&state, type: type, filter: filter, entities)
        case let .entityLoaded(key, profile):
            entityLoaded(&state, key: key, profile)
        case let .entityStoriesLoaded(key, position, window):
            entityStoriesLoaded(&state, key: key, select: position, window)
        case let .feedsLoaded(overview):
            feedsLoaded(&state, overview)
        case .feeds:
            effects = openFeeds(&state)
        case let .refreshProgress(message):
            state.status = message
        case let .refreshFinished(message):
            state.isRefreshing = false
            state.status = message
            effects = [.libraryChanged, reload(state)] + reloadIndexes(state)
            if state.screen == .feeds { effects.append(.loadFeeds) }
        case let .failed(message), let .notice(message):
            state.status = message
        case .tick:
            effects = [.checkForChanges]
        case .changedOutside:
            // A refresh of our own reloads when it finishes; meanwhile its commits look like anyone's.
            guard !state.isRefreshing else { break }
            effects = [.libraryChanged, reload(state)] + reloadIndexes(state)
            if state.screen == .feeds { effects.append(.loadFeeds) }
        case .typed, .deleteBackward, .submit, .cancelPrompt:
            effects = promptOperation(&state, operation)
        case .entityIndex:
            if state.screen == .help { back(&state) }
            effects = openIndex(&state)
        case .refresh:
            if state.readOnly {
                state.status = "The cache is read-only: feeds cannot be refreshed"
            } else if state.isRefreshing {
                state.status = "Already refreshing…"
            } else {
                state.isRefreshing = true
                state.status = "Refreshing feeds…"
                effects = [.refreshFeeds]
            }
        case let .wheel(lines):
            let step: ReaderOperation = lines > 0 ? .moveDown : .moveUp
            for _ in 0..<min(abs(lines), 50) {
                let (next, more) = update(state, step)
                state = next
                effects += more
            }
        default:
            switch state.stack.top {
            case .list: effects = listOperation(&state, operation)
            case let .story(page): effects = storyOperation(&state, page, operation)
            case let .entities(panel): effects = panelOperation(&state, panel, operation)
            case let .quotes(cursor): quotesOperation(&state, cursor, operation)
            case let .help(cursor): helpOperation(&state, cursor, operation)
            case let .entityPage(page): effects = entityPageOperation(&state, page, operation)
            case let .entityIndex(index): effects = indexOperation(&state, index, operation)
            case let .feeds(view): effects = feedsOperation(&state, view, operation)
            }
        }
        return (state, effects)
    }

    /// The effect that reloads what the story list shows: the search results while a search is active.
    static func reload(_ state: ReaderState) -> ReaderEffect {
        if let search = state.search { return .search(search, unreadOnly: state.unreadOnly) }
        return .loadList(unreadOnly: state.unreadOnly, scope: state.scope)
    }
}

extension ReaderOperation {
    /// The list's rows and counts a `.listLoaded` (the whole list) or `.listPageLoaded` brings.
    var listPage: (StoryWindow, total: Int, unread: Int)? {
        switch self {
        case let .listLoaded(stories, total, unread): (StoryWindow(rows: stories), total, unread)
        case let .listPageLoaded(window, total, unread): (window, total, unread)
        default: nil
        }
    }

    /// True for operations the reader asked for (keys), false for effect results, which keep the status.
    var isCommand: Bool {
        switch self {
        case .listLoaded, .listPageLoaded, .listWindowLoaded, .searchLoaded, .storyLoaded, .storyUnreadable,
             .markedAllRead, .entitiesLoaded, .entityLoaded, .entityStoriesLoaded, .feedsLoaded, .refreshProgress, .refreshFinished, .failed, .notice, .resize, .tick, .changedOutside: false
        default: true
        }
    }
}
