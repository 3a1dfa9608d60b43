import BriefLibrary
import Foundation

/// An entity page: which entity, what is loaded, the story filter, and which of the shown stories is selected.
public struct EntityPageState: Hashable, Sendable {
    public var key: String
    /// Nil while loading.
    public var profile: EntityProfile? { didSet { laidOut = nil } }
    public var hasLoaded = false { didSet { laidOut = nil } }
    /// Shows only stories whose headline contains this (ignoring case and accents); empty shows all.
    public var filter = "" { didSet { if filter != oldValue { laidOut = nil } } }
    /// The page as lines at the width it was last laid out for, kept between keys: laying it out wraps every
    /// story's sentence, and moving the selection changes none of it. Cleared when the profile, filter or
    /// loading state changes.
    var laidOut: EntityPageLines?
    /// `selected` indexes `stories` (the stories shown); `top` is the first visible line of the page.
    public var cursor = Cursor()

    public init(key: String) { self.key = key }

    /// The stories the page shows: the profile's, narrowed by the filter. Without a filter, those of a long page
    /// are a window of its stories (`EntityProfile.storyOffset`); the filter needs every story (`EntityProfile.isWhole`).
    public var stories: [EntityStory] {
        guard let profile else { return [] }
        let needle = filter.trimmingCharacters(in: .whitespaces)
        guard !needle.isEmpty else { return profile.stories }
        return profile.stories.filter {
            $0.summary.title.range(of: needle, options: [.caseInsensitive, .diacriticInsensitive]) != nil
        }
    }
}
