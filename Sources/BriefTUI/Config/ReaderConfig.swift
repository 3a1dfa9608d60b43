import BriefTagger

/// What `config.toml` can change: key bindings, entity colours, whether opening marks read, the mouse wheel, and
/// how often the reader syncs with the sync account. The defaults are what Brief does without a config file.
public struct ReaderConfig: Hashable, Sendable {
    public var keymap: Keymap = .standard
    public var entityColors: [EntityType: TerminalColor] = [:]
    public var openMarksRead = true
    public var mouse = false
    /// Minutes between the reader's background syncs with the sync account (`brief account add`).
    public var syncMinutes = 15

    public init() {}

    /// `theme` with this config's entity colours.
    public func applying(to theme: Theme) -> Theme {
        var theme = theme
        for (type, color) in entityColors { theme.setEntityColor(type, color) }
        return theme
    }
}
