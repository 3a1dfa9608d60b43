import BriefModel

/// A block's pieces as they are collected: sanitised, empty ones left out, each placed after the last.
struct RunList {
    var runs: [LayoutRun] = []
    private var length = 0

    init() {}

    init(_ text: String, _ style: TextStyle) {
        add(text, style)
    }

    /// Adds `text`, sanitised (line breaks kept only with `keepNewlines`, as plain text keeps a paragraph's).
    mutating func add(_ text: String, _ style: TextStyle, mention: Int? = nil, keepNewlines: Bool = false) {
        // Printable ASCII is already what the sanitiser would give.
        let printable = text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 >= 0x20 && $0 < 0x7F } } ?? false
        let clean = printable ? text : TerminalText.sanitize(text, keepNewlines: keepNewlines)
        guard !clean.isEmpty else { return }
        runs.append(LayoutRun(text: clean, style: style, mention: mention, start: length))
        length += clean.utf8.count
    }
}
