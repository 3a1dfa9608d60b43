import BriefTagger

/// A story as Brief understands it: headline, dateline, sections, quotes and linked entities.
/// Produced once at import (sectioner, then tagger); stored; only read afterwards.
public struct Story: Codable, Hashable, Sendable {
    /// The headline. Not a section.
    public var title: String
    public var dateline: Dateline?
    public var sections: [Section]
    public var quotes: [Quote]
    /// Entities linked across the whole story (filled by tagging; empty before).
    public var entities: [Entity]
    /// The `StoryAnnotator.version` that filled the mentions and entities; 0 when the story is untagged.
    public var annotationVersion: Int

    public init(title: String, dateline: Dateline? = nil, sections: [Section], quotes: [Quote] = [],
                entities: [Entity] = [], annotationVersion: Int = 0) {
        self.title = title
        self.dateline = dateline
        self.sections = sections
        self.quotes = quotes
        self.entities = entities
        self.annotationVersion = annotationVersion
    }
}
