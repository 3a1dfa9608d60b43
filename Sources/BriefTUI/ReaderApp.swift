import BriefStore

/// The interactive reader. SCAFFOLD: the TUI helper replaces this file; the entry point below is the
/// contract the `brief` executable calls.
public enum ReaderApp {
    /// Runs the reader on the cache until the user quits. Throws `TerminalError` (with a clear message)
    /// when stdout is not a terminal or TERM cannot address the cursor.
    public static func run(store: Store) throws {}
}
