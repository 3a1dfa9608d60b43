/// What part of a story a section is.
public enum SectionKind: String, Codable, Sendable, Hashable, CaseIterable {
    /// The opening paragraph (dateline removed).
    case lede
    /// Body text, optionally under a heading (`Section.title`).
    case body
    /// One speaker's turn in a transcript; `Section.title` is the speaker as written (`MR PRICE`).
    case turn
    /// `Reporting by … Editing by …` lines.
    case credits
}
