/// The shape of an input text, which decides how it is split into sections.
public enum SourceFormat: String, Codable, Sendable, Hashable {
    /// Plain-text article: headline line, blank-line separated paragraphs, optional wire dateline.
    case article
    /// Markdown: `# headline`, `## section`.
    case markdown
}
