/// A run of paragraphs of one kind, optionally under a heading or speaker name.
public struct Section: Codable, Hashable, Sendable {
    public var kind: SectionKind
    public var title: String?
    public var paragraphs: [Paragraph]

    public init(kind: SectionKind, title: String? = nil, paragraphs: [Paragraph]) {
        self.kind = kind
        self.title = title
        self.paragraphs = paragraphs
    }
}
