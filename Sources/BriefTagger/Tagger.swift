import Foundation

/// Finds named entities in text. SCAFFOLD: the tagger helper replaces this file with the trained tagger;
/// the public API below is the contract other layers code against.
public struct Tagger: Sendable {
    public init() {}

    /// Loads the trained model from a directory (e.g. `BriefResources.nerModel`).
    public static func load(from directory: URL) throws -> Tagger { Tagger() }

    /// Tags one text on its own. Offsets in Unicode scalars of `text`.
    public func tag(_ text: String) -> [Mention] { [] }

    /// Tags the paragraphs of one document together, so that document context (the same word tagged
    /// elsewhere, partial names linking to full ones) applies across them. `mentions[i]` belongs to
    /// `paragraphs[i]`; offsets are per paragraph.
    public func tagDocument(_ paragraphs: [String]) -> (mentions: [[Mention]], entities: [Entity]) {
        (paragraphs.map { _ in [] }, [])
    }
}
