extension SourceFormat {
    /// Guesses a file's format from its name: `.md` and `.markdown` (any case) are Markdown, anything else an article.
    public static func guess(path: String) -> SourceFormat {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return .article }
        let ext = name[name.index(after: dot)...].lowercased()
        return ext == "md" || ext == "markdown" ? .markdown : .article
    }
}
