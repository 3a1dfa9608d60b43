import BriefStore
import BriefTagger
import Foundation

/// What an entity page shows: the entity, the other names it goes by, and every story that mentions it
/// (newest first) with the sentence of the mention. Loaded from the store by `load`.
public struct EntityProfile: Hashable, Sendable {
    public var entity: EntitySummary
    /// Surface forms other than the canonical name, as the stories spelled them.
    public var aliases: [String]
    /// The stories loaded: all of them, or (a page of a much mentioned entity) a window of them, at positions
    /// `storyOffset..<storyOffset + stories.count` of the `storyCount` stories that mention it.
    public var stories: [EntityStory]
    public var storyCount: Int
    public var storyOffset: Int
    /// What the entity said: its quotes and transcript turns, newest story first (at most `saidLimit`).
    public var said: [StoredQuote]

    public init(entity: EntitySummary, aliases: [String], stories: [EntityStory], said: [StoredQuote] = [],
                storyCount: Int? = nil, storyOffset: Int = 0) {
        self.entity = entity
        self.aliases = aliases
        self.stories = stories
        self.said = said
        self.storyCount = storyCount ?? storyOffset + stories.count
        self.storyOffset = storyOffset
    }

    /// True when every story is loaded.
    public var isWhole: Bool { storyOffset == 0 && stories.count >= storyCount }

    /// Takes the stories of `window` as the ones loaded.
    public mutating func take(_ window: EntityStoryWindow) {
        stories = window.stories
        storyOffset = window.offset
        storyCount = window.count
    }

    /// What a page lists after "Also": the stories' own forms, then the knowledge base's other names for it, at most
    /// `limit` in all.
    public func allAliases(limit: Int = 12) -> [String] {
        var all = aliases
        for alias in entity.knownAliases where alias != entity.canonicalName && !all.contains(alias) { all.append(alias) }
        return Array(all.prefix(limit))
    }

    /// How many statements a page lists under "Said".
    public static let saidLimit = 50

    /// Loads the entity `key`, or nil when the cache no longer mentions it.
    /// Aliases come from the stories' own entity records (the newest `aliasStories` of them, so a much
    /// mentioned entity stays quick) and the surface forms of the mentions shown.
    public static func load(key: String, store: Store, aliasStories: Int = 3) throws -> EntityProfile? {
        guard let entity = try store.entities().first(where: { $0.key == key }) else { return nil }
        return try load(entity: entity, store: store, aliasStories: aliasStories)
    }

    /// Loads the page of `entity` (a row of `Store.entities`, e.g. from a list already in memory).
    public static func load(entity: EntitySummary, store: Store, aliasStories: Int = 3) throws -> EntityProfile {
        let mentioning = try store.stories(mentioning: entity.key)
        return try profile(entity, store: store, mentioning: mentioning, aliasStories: aliasStories)
    }

    /// Loads the page of `entity` with only its first `size` stories (`EntityStoryWindow`): the rest are loaded a
    /// window at a time as the reader moves. The aliases come from the stories loaded.
    public static func loadWindow(entity: EntitySummary, store: Store, size: Int = EntityStoryWindow.size,
                                  aliasStories: Int = 3) throws -> EntityProfile {
        let count = try store.storyCount(mentioning: entity.key)
        let mentioning = try store.stories(mentioning: entity.key, offset: 0, limit: size)
        var loaded = try profile(entity, store: store, mentioning: mentioning, aliasStories: aliasStories)
        loaded.storyCount = max(count, mentioning.count)
        return loaded
    }

    /// The page of `entity` with the stories `mentioning` (the first of its stories).
    private static func profile(_ entity: EntitySummary, store: Store, mentioning: [MentioningStory],
                                aliasStories: Int) throws -> EntityProfile {
        let key = entity.key
        var aliases: [String] = []
        func add(_ alias: String) {
            let clean = alias.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !clean.isEmpty, clean != entity.canonicalName, !aliases.contains(clean) else { return }
            aliases.append(clean)
        }
        // The stories' own records of the entity only: loading whole stories for them cost a long story's
        // every paragraph and mention.
        for own in try store.storyEntities(key: key, storyIDs: mentioning.prefix(aliasStories).map(\.summary.id)) {
            add(own.name)
            own.aliases.forEach(add)
        }
        for story in mentioning {
            // The mention's scalars, found by walking to them (no copy of the paragraph).
            let scalars = story.paragraph.unicodeScalars
            guard story.start >= 0, story.start < story.end,
                  let from = scalars.index(scalars.startIndex, offsetBy: story.start, limitedBy: scalars.endIndex),
                  let to = scalars.index(from, offsetBy: story.end - story.start, limitedBy: scalars.endIndex) else { continue }
            add(String(Substring(scalars[from..<to])))
        }
        let said = entity.type == .person || entity.type == .organisation
            ? Array(try store.quotes(speakerEntity: key, turns: true).prefix(saidLimit)) : []
        return EntityProfile(entity: entity, aliases: aliases, stories: mentioning.map(EntityStory.init), said: said)
    }
}
