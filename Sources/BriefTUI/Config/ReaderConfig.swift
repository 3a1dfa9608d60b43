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
    /// Refresh the feeds in the background every this many minutes while the reader is open (nil: never).
    public var refreshMinutes: Int?
    /// Refresh the feeds once when the reader starts.
    public var refreshOnStart = false
    /// Delete read, unstarred stories older than this many days (`brief prune`, and after each refresh); nil: keep.
    public var keepDays: Int?
    /// `q` on the top-level story list asks before quitting.
    public var confirmQuit = false

    public init() {}

    /// `theme` with this config's entity colours.
    public func applying(to theme: Theme) -> Theme {
        var theme = theme
        for (type, color) in entityColors { theme.setEntityColor(type, color) }
        return theme
    }
}
