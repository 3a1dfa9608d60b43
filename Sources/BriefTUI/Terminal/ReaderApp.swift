import BriefStore

/// The interactive reader: `brief` with no subcommand.
public enum ReaderApp {
    /// Runs the reader on the cache until the user quits. Throws `TerminalError` (with a clear message)
    /// when stdin/stdout is not a terminal or TERM cannot address the cursor. The terminal is restored on
    /// every way out, including SIGTERM, SIGHUP and SIGINT.
    public static func run(store: Store) throws {
        let terminal = try CursesTerminal.open()
        defer { terminal.close() }
        let effects = StoreEffects(store: store)
        ReaderLoop(terminal: terminal, perform: effects.perform).run()
    }

    /// Throws the same `TerminalError` as `run` would, without starting the reader: call it before slow
    /// set-up work (such as importing the samples) so a script gets the error at once.
    public static func checkTerminal() throws {
        try CursesTerminal.check()
    }
}
