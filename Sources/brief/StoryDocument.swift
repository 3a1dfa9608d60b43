import BriefModel
import BriefStore
import BriefTagger
import Foundation

/// `brief show --json`: one story as stored (no re-tagging). Absent optional values are `null`, never missing;
/// a story without a dateline has `dateline: {places: [], agency: null}`.
struct StoryDocument: Encodable {
    var stored: StoredStory
    /// The feed item's link and own id (`guid`), null for a story that came from no feed (`Store.feedItemIdentity`).
    var link: String? = nil
    var guid: String? = nil

    enum Keys: String, CodingKey {
        case id, title, link, guid, source, published, imported, read, starred, feed, dateline, sections, quotes, entities
        case places, agency, kind, paragraphs, text, mentions, start, end, type, entity, speaker, key, name, aliases
        case canonicalName, knownAliases, country, date, dateText, speakerEntity, description, translation
    }

    func encode(to encoder: any Encoder) throws {
        let story = stored.story
        var root = encoder.container(keyedBy: Keys.self)
        try root.encode(stored.summary.id, forKey: .id)
        try root.encode(story.title, forKey: .title)
        try root.encode(link, forKey: .link)
        try root.encode(guid, forKey: .guid)
        try root.encode(stored.summary.source, forKey: .source)
        try root.encode(stored.summary.published, forKey: .published)
        try root.encode(stored.summary.importedAt, forKey: .imported)
        try root.encode(stored.summary.isRead, forKey: .read)
        try root.encode(stored.summary.isStarred, forKey: .starred)
        // The feed that delivered the story: its title, else its address.
        try root.encode(stored.feedTitle ?? stored.feedURL, forKey: .feed)

        var dateline = root.nestedContainer(keyedBy: Keys.self, forKey: .dateline)
        try dateline.encode(story.dateline?.places ?? [], forKey: .places)
        try dateline.encode(story.dateline?.agency, forKey: .agency)
        // The dateline's day (`2026-03-03`) and the date as written (`March 3`); null when it gives none.
        try dateline.encode(story.dateline?.day?.description, forKey: .date)
        try dateline.encode(story.dateline?.date, forKey: .dateText)

        var sections = root.nestedUnkeyedContainer(forKey: .sections)
        for section in story.sections {
            var object = sections.nestedContainer(keyedBy: Keys.self)
            try object.encode(section.kind.rawValue, forKey: .kind)
            try object.encode(section.title, forKey: .title)
            if section.kind == .turn {
                try object.encode(section.speaker, forKey: .speaker)
                try Self.encode(entity: section.speakerEntity, of: story, in: &object)
            }
            var paragraphs = object.nestedUnkeyedContainer(forKey: .paragraphs)
            for paragraph in section.paragraphs {
                var p = paragraphs.nestedContainer(keyedBy: Keys.self)
                try p.encode(paragraph.text, forKey: .text)
                var mentions = p.nestedUnkeyedContainer(forKey: .mentions)
                for mention in paragraph.mentions {
                    var m = mentions.nestedContainer(keyedBy: Keys.self)
                    try m.encode(mention.start, forKey: .start)
                    try m.encode(mention.end, forKey: .end)
                    try m.encode(mention.type.rawValue, forKey: .type)
                    try m.encode(mention.entity, forKey: .entity)
                    try m.encode(mention.text, forKey: .text)
                }
            }
        }

        var quotes = root.nestedUnkeyedContainer(forKey: .quotes)
        for quote in story.quotes {
            var q = quotes.nestedContainer(keyedBy: Keys.self)
            try q.encode(quote.text, forKey: .text)
            try q.encode(quote.speaker, forKey: .speaker)
            try Self.encode(entity: quote.speakerEntity, of: story, in: &q)
            try q.encode(quote.description, forKey: .description)
            try q.encode(quote.translation, forKey: .translation)
        }

        var entities = root.nestedUnkeyedContainer(forKey: .entities)
        for entity in story.entities {
            var e = entities.nestedContainer(keyedBy: Keys.self)
            try e.encode(entity.key, forKey: .key)
            try e.encode(entity.name, forKey: .name)
            try e.encode(entity.type.rawValue, forKey: .type)
            try e.encode(entity.mentions, forKey: .mentions)
            try e.encode(entity.aliases, forKey: .aliases)
            try e.encode(entity.canonicalName, forKey: .canonicalName)
            try e.encode(entity.knownAliases, forKey: .knownAliases)
            try e.encode(entity.country, forKey: .country)  // null when unknown
        }
    }

    /// `speakerEntity: {key, name}` (the entity's canonical name), or null.
    static func encode(entity key: String?, of story: Story, in container: inout KeyedEncodingContainer<Keys>) throws {
        guard let key else { return try container.encodeNil(forKey: .speakerEntity) }
        let entity = story.entities.first { $0.key == key }
        var object = container.nestedContainer(keyedBy: Keys.self, forKey: .speakerEntity)
        try object.encode(key, forKey: .key)
        try object.encode(entity?.canonicalName, forKey: .name)
    }
}
