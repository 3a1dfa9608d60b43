import Foundation

/// An entity page: which entity, what is loaded, the story filter, and which of the shown stories is selected.
public struct EntityPageState: Hashable, Sendable {
    public var key: String
    /// Nil while loading.
    public var profile: EntityProfile?
    public var hasLoaded = false
    /// Shows only stories whose headline contains this (ignoring case and accents); empty shows all.
    public var filter = ""
    /// Index into `stories` (the stories shown).
    public var selected = 0
    /// First visible line of the page.
    public var top = 0

    public init(key: String) { self.key = key }

    /// The stories the page shows: the profile's, narrowed by the filter.
    public var stories: [EntityStory] {
        guard let profile else { return [] }
        let needle = filter.trimmingCharacters(in: .whitespaces)
        guard !needle.isEmpty else { return profile.stories }
        return profile.stories.filter {
            $0.summary.title.range(of: needle, options: [.caseInsensitive, .diacriticInsensitive]) != nil
        }
    }
}
