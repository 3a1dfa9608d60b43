import ArgumentParser
import BriefLibrary
import BriefModel
import BriefStore
import Foundation

/// `brief entity NAME [--json]`: one entity and every story that mentions it, with the sentence.
struct EntityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entity",
        abstract: "Show one entity: its aliases and every story that mentions it.",
        discussion: """
            NAME matches an entity's key (PER:sergei-lavrov), else its exact name, else a unique part of its \
            name (ignoring case); several matches are an error listing them. Plain output: name, type, aliases, \
            then one story per line (`*` unread, id, date, title) with the sentence of its first mention beneath. \
            JSON: {key, name, type, aliases, canonicalName, knownAliases, country, \
            stories [{id, title, published, read, sentence}]}, stories newest first.
            """)

    @OptionGroup var cache: CacheOptions

    @Argument(help: ArgumentHelp("The entity's key, name or part of its name.", valueName: "name"))
    var name: String

    @Flag(help: "Print one JSON document.")
    var json = false

    /// The JSON document.
    struct Document: Encodable {
        var key: String
        var name: String
        var type: String
        var aliases: [String]
        var canonicalName: String
        var knownAliases: [String]
        var country: String?
        var stories: [StoryEntry]

        enum CodingKeys: String, CodingKey {
            case key, name, type, aliases, canonicalName, knownAliases, country, stories
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(key, forKey: .key)
            try container.encode(name, forKey: .name)
            try container.encode(type, forKey: .type)
            try container.encode(aliases, forKey: .aliases)
            try container.encode(canonicalName, forKey: .canonicalName)
            try container.encode(knownAliases, forKey: .knownAliases)
            try container.encode(country, forKey: .country)  // null when unknown
            try container.encode(stories, forKey: .stories)
        }
    }

    /// One story in the JSON document.
    struct StoryEntry: Encodable {
        var id: Int64
        var title: String
        var published: Date?
        var read: Bool
        var sentence: String

        enum CodingKeys: String, CodingKey { case id, title, published, read, sentence }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(title, forKey: .title)
            try container.encode(published, forKey: .published)  // null when undated
            try container.encode(read, forKey: .read)
            try container.encode(sentence, forKey: .sentence)
        }
    }

    func run() throws {
        let profile = try CommandFailure.wrapping("entity") { () throws -> EntityProfile in
            let store = try cache.openStore()
            let entity = try EntityLookup.entity(name, in: store, command: "entity")
            guard let profile = try EntityProfile.load(key: entity.key, store: store) else {
                throw CommandFailure(message: "entity: \(clean(entity.key)) is no longer in the cache")
            }
            return profile
        }
        if json {
            let document = Document(
                key: profile.entity.key, name: profile.entity.name, type: profile.entity.type.rawValue,
                aliases: profile.aliases, canonicalName: profile.entity.canonicalName,
                knownAliases: profile.entity.knownAliases, country: profile.entity.country,
                stories: profile.stories.map {
                    StoryEntry(id: $0.summary.id, title: $0.summary.title, published: $0.summary.published,
                               read: $0.summary.isRead, sentence: $0.sentence)
                })
            try CommandFailure.wrapping("entity") { try JSONOutput.write(document) }
            return
        }
        let entity = profile.entity
        var lines = ["\(clean(entity.canonicalName)) (\(entity.type.displayName), \(clean(entity.key)))",
                     "\(entity.mentions) mention\(entity.mentions == 1 ? "" : "s") in \(profile.stories.count) "
                        + (profile.stories.count == 1 ? "story" : "stories")]
        if let country = entity.country { lines.append("Country: " + clean(country)) }
        if !profile.aliases.isEmpty { lines.append("Also: " + profile.aliases.map(clean).joined(separator: ", ")) }
        if !entity.knownAliases.isEmpty {
            lines.append("Known as: " + entity.knownAliases.map(clean).joined(separator: ", "))
        }
        let day = DateFormatter.listDay
        for story in profile.stories {
            let date = story.summary.published.map(day.string(from:)) ?? "undated   "
            lines.append("")
            lines.append("\(story.summary.isRead ? " " : "*") \(story.summary.id)\t\(date)  \(clean(story.summary.title))")
            lines.append("    " + clean(story.sentence))
        }
        Console.output(lines.joined(separator: "\n"))
    }

    private func clean(_ text: String) -> String { TerminalText.sanitize(text, keepNewlines: false) }
}
