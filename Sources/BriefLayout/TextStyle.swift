import BriefTagger

/// The semantic style of a run of text: its role, and the type of the entity it names when it is a mention
/// (a mention in the credits is both credits and a mention of a person, say).
public struct TextStyle: Hashable, Sendable {
    public var role: TextRole
    /// Set when the text names an entity of this type (a mention, or a legend entry).
    public var entity: EntityType?

    public init(_ role: TextRole = .plain, entity: EntityType? = nil) {
        self.role = role
        self.entity = entity
    }

    public static let plain = TextStyle()

    /// This style naming an entity of `type`.
    public func mentioning(_ type: EntityType) -> TextStyle { TextStyle(role, entity: type) }
}
