import BriefLibrary
import BriefModel
import BriefStore
import BriefTagger
@testable import BriefTUI

/// Entities and entity pages written for these tests.
extension Fixtures {
    static let reykjavik = EntitySummary(key: "LOC:reykjavik", name: "Reykjavik", type: .place, stories: 2, mentions: 5)
    static let council = EntitySummary(key: "ORG:arctic-council", name: "Arctic Council", type: .organisation,
                                       stories: 1, mentions: 3)
    static let solberg = EntitySummary(key: "PER:ingrid-solberg", name: "Ingrid Solberg", type: .person,
                                       stories: 1, mentions: 1)
    static let index = [reykjavik, council, solberg]

    /// Reykjavik's page: two stories, newest first, one unread.
    static let reykjavikProfile = EntityProfile(
        entity: reykjavik, aliases: ["Reykjavík"],
        stories: [
            EntityStory(summary: arctic, sentence: "Foreign ministers met in Reykjavik on Friday.",
                        mentionStart: 25, mentionEnd: 34),
            EntityStory(summary: grain, sentence: "Talks moved from Reykjavik to Ankara.", mentionStart: 17, mentionEnd: 26),
        ])

    /// The reader on Reykjavik's page, reached from the arctic story's focused mention.
    static func entityPageState(width: Int = 60, height: Int = 12) -> ReaderState {
        var state = openState(width: width, height: height)
        state = apply(state, .nextMention, .nextMention)  // Arctic Council, then Reykjavik
        state = apply(state, .open, .entityLoaded(key: "LOC:reykjavik", reykjavikProfile))
        return state
    }

    /// The reader on the entity index with `entities` loaded.
    static func indexState(width: Int = 80, height: Int = 10, entities: [EntitySummary] = index) -> ReaderState {
        var state = loadedState(width: width, height: height)
        state = apply(state, .entityIndex, .entitiesLoaded(type: nil, filter: "", entities))
        return state
    }
}

extension Fixtures {
    static let grainText = "Talks moved from Reykjavik to Ankara after a week."

    /// The grain story, mentioning Reykjavik once (after Ankara's entity in the list of mentions).
    static var reykjavikGrainStory: StoredStory {
        let story = BriefModel.Story(
            title: "Grain corridor talks resume",
            sections: [BriefModel.Section(kind: .lede, paragraphs: [BriefModel.Paragraph(text: grainText, mentions: [
                mention("Reykjavik", in: grainText, .place, "LOC:reykjavik"),
                mention("Ankara", in: grainText, .place, "LOC:ankara"),
            ])])],
            entities: [
                Entity(key: "LOC:reykjavik", name: "Reykjavik", type: .place, mentions: 1),
                Entity(key: "LOC:ankara", name: "Ankara", type: .place, mentions: 1),
            ])
        return StoredStory(summary: grain, story: story)
    }
}
