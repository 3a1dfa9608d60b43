/// The reader's screens, the story list always at the bottom, with the prompt line over the top one.
/// Pushing and popping whole screens (their state inside) is all navigation needs: going back shows the
/// screen below exactly as it was left.
public struct ScreenStack: Hashable, Sendable {
    /// Bottom first; never empty, `.list` first.
    public private(set) var screens: [ReaderScreen] = [.list]
    /// The prompt line (`/`), an overlay of the top screen rather than a screen: it edits what the top screen
    /// shows (a live filter narrows it as the reader types) and leaves it drawn, so it belongs to that screen
    /// and goes whenever the top screen changes.
    public var prompt: Prompt?

    public init() {}

    public var top: ReaderScreen { screens[screens.count - 1] }

    /// The kinds of the screens, bottom first.
    public var kinds: [ScreenKind] { screens.map(\.kind) }

    public var count: Int { screens.count }

    mutating func push(_ screen: ReaderScreen) {
        screens.append(screen)
        prompt = nil
    }

    /// Removes the top screen and returns it; the list is never removed (nil there).
    @discardableResult
    mutating func pop() -> ReaderScreen? {
        guard screens.count > 1 else { return nil }
        prompt = nil
        return screens.removeLast()
    }

    /// Replaces the top screen by one with its changes (the list stays the list).
    mutating func setTop(_ screen: ReaderScreen) {
        guard screens.count > 1 else { return }
        screens[screens.count - 1] = screen
    }

    /// The screen below the top one, if any.
    var belowTop: ReaderScreen? { screens.count > 1 ? screens[screens.count - 2] : nil }

    mutating func setBelowTop(_ screen: ReaderScreen) {
        guard screens.count > 2 else { return }
        screens[screens.count - 2] = screen
    }

    /// Changes every screen, e.g. to show new read marks wherever a story appears.
    mutating func updateAll(_ change: (inout ReaderScreen) -> Void) {
        for index in screens.indices { change(&screens[index]) }
    }

    /// Changes the top-most story page, if any.
    mutating func updateTopStory(_ change: (inout StoryPage) -> Void) {
        guard let index = screens.lastIndex(where: { $0.kind == .story }), case var .story(page) = screens[index] else { return }
        change(&page)
        screens[index] = .story(page)
    }

    /// Changes the top-most entity page, if any.
    mutating func updateTopEntityPage(_ change: (inout EntityPageState) -> Void) {
        guard let index = screens.lastIndex(where: { $0.kind == .entityPage }),
              case var .entityPage(page) = screens[index] else { return }
        change(&page)
        screens[index] = .entityPage(page)
    }

    /// The top-most story page, entity page and entity index on the stack.
    var topStory: StoryPage? { screens.lazy.reversed().compactMap { if case let .story(page) = $0 { page } else { nil } }.first }
    var topEntityPage: EntityPageState? {
        screens.lazy.reversed().compactMap { if case let .entityPage(page) = $0 { page } else { nil } }.first
    }
    var topIndex: EntityIndexState? {
        screens.lazy.reversed().compactMap { if case let .entityIndex(index) = $0 { index } else { nil } }.first
    }
}
