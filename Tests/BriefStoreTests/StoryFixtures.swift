import BriefModel
import BriefStore
import BriefTagger
import Foundation

/// Small stories written for these tests, with mentions and entities as the tagger would give them.
enum StoryFixtures {
    static let lavrov = Entity(key: "PER:sergei-lavrov", name: "Sergei Lavrov", type: .person,
                               aliases: ["Lavrov"], mentions: 2)
    static let moscow = Entity(key: "LOC:moscow", name: "Moscow", type: .place, mentions: 1)
    static let nato = Entity(key: "ORG:nato", name: "NATO", type: .organisation, mentions: 3)

    /// A wire story from Moscow quoting Lavrov and mentioning NATO three times.
    static func summitStory(title: String = "Ministers meet before the summit") -> Story {
        Story(
            title: title,
            dateline: Dateline(places: ["MOSCOW"], agency: "Reuters"),
            sections: [
                Section(kind: .lede, paragraphs: [
                    Paragraph(text: "Sergei Lavrov said NATO must listen.", mentions: [
                        Mention(start: 0, end: 13, type: .person, text: "Sergei Lavrov", entity: lavrov.key),
                        Mention(start: 19, end: 23, type: .organisation, text: "NATO", entity: nato.key),
                    ]),
                ]),
                Section(kind: .body, title: "Talks in Moscow", paragraphs: [
                    Paragraph(text: "In Moscow, Lavrov met envoys from NATO and NATO partners.", mentions: [
                        Mention(start: 3, end: 9, type: .place, text: "Moscow", entity: moscow.key),
                        Mention(start: 11, end: 17, type: .person, text: "Lavrov", entity: lavrov.key),
                        Mention(start: 34, end: 38, type: .organisation, text: "NATO", entity: nato.key),
                        Mention(start: 43, end: 47, type: .organisation, text: "NATO", entity: nato.key),
                    ]),
                    Paragraph(text: "No date was set for the next round."),
                ]),
                Section(kind: .credits, paragraphs: [Paragraph(text: "Reporting by a correspondent")]),
            ],
            quotes: [Quote(text: "NATO must listen", speaker: "Sergei Lavrov"), Quote(text: "We will see", speaker: nil)],
            entities: [lavrov, moscow, nato])
    }

    /// A story with no dateline, no quotes and no entities.
    static func plainStory(title: String, text: String) -> Story {
        Story(title: title, sections: [Section(kind: .lede, paragraphs: [Paragraph(text: text)])])
    }

    static func item(_ story: Story, text: String? = nil, published: Date? = nil,
                     source: String = "fixtures/story.txt") -> ImportItem {
        ImportItem(story: story, originalText: text ?? story.title + "\n\n" + story.sections
                    .flatMap(\.paragraphs).map(\.text).joined(separator: "\n\n"),
                   source: source, published: published, format: .article)
    }

    static func date(_ iso: String) -> Date {
        ISO8601DateFormatter().date(from: iso) ?? Date(timeIntervalSince1970: 0)
    }
}
