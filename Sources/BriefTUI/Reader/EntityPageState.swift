/// An entity page: which entity, what is loaded, and which of its stories is selected.
public struct EntityPageState: Hashable, Sendable {
    public var key: String
    /// Nil while loading.
    public var profile: EntityProfile?
    public var hasLoaded = false
    /// Index into `profile.stories`.
    public var selected = 0
    /// First visible line of the page.
    public var top = 0

    public init(key: String) { self.key = key }
}
