/// What the terminal can show, which decides the reader's theme.
public enum ColorMode: Hashable, Sendable {
    /// No colour: attributes (bold, underline, reverse, dim) carry every distinction.
    case monochrome
    /// The eight ANSI colours.
    case basic
    /// The 256-colour palette.
    case palette256

    /// The mode for a terminal with `colors` colours (0 if it has none), honouring `NO_COLOR`
    /// (https://no-color.org: set and non-empty means no colour).
    public static func detect(environment: [String: String], colors: Int) -> ColorMode {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        if colors >= 256 { return .palette256 }
        if colors >= 8 { return .basic }
        return .monochrome
    }
}
