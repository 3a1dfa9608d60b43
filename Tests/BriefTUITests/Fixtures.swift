@testable import BriefLayout
import BriefModel
import BriefStore
import BriefTagger
@testable import BriefTUI
import Foundation

/// Stories written for these tests, and helpers to drive the reader without a terminal.
enum Fixtures {
    static func day(_ day: Int) -> Date {
        // 2026-11-<day> 09:00 UTC
        Date(timeIntervalSince1970: 1_793_491_200 + Double(day - 1) * 86_400 + 9 * 3600)
    }

    static let arctic = StorySummary(id: 3, title: "Ministers meet in Reykjavik over Arctic shipping",
                                     source: "/samples/arctic-talks.txt", published: day(28), importedAt: day(29),
                                     readAt: nil, topEntities: ["Reykjavik", "Arctic Council"])
    static let grain = StorySummary(id: 2, title: "Grain corridor talks resume", source: "Wire Feed",
                                    published: day(27), importedAt: day(29), readAt: day(29),
                                    topEntities: ["Ankara"])
    static let briefing = StorySummary(id: 1, title: "Briefing transcript: State Department",
                                       source: "/samples/briefing.md", published: nil, importedAt: day(26),
                                       readAt: nil, topEntities: [])

    static let summaries = [arctic, grain, briefing]

    /// A mention of `word` (its first occurrence) in `text`, with scalar offsets.
    static func mention(_ word: String, in text: String, _ type: EntityType, _ entity: String) -> Mention {
        let scalars = Array(text.unicodeScalars), target = Array(word.unicodeScalars)
        var start = 0
        while start + target.count <= scalars.count, Array(scalars[start..<start + target.count]) != target { start += 1 }
        return Mention(start: start, end: start + target.count, type: type, text: word, entity: entity)
    }

    static let lede = "Foreign ministers from the Arctic Council met in Reykjavik on Friday to agree rules for ships crossing the melting north."
    static let body = "Iceland proposed a joint patrol. Norway asked for more time, and the Inuit Circumpolar Council said its members had not been heard."
    static let turn = "We are not going to comment on a draft."

    static var arcticStory: StoredStory {
        let story = Story(
            title: "Ministers meet in Reykjavik over Arctic shipping",
            dateline: Dateline(places: ["REYKJAVIK"], agency: "Brief Wire"),
            sections: [
                Section(kind: .lede, paragraphs: [Paragraph(text: lede, mentions: [
                    mention("Arctic Council", in: lede, .organisation, "ORG:arctic-council"),
                    mention("Reykjavik", in: lede, .place, "LOC:reykjavik"),
                ])]),
                Section(kind: .body, title: "Shipping lanes", paragraphs: [Paragraph(text: body, mentions: [
                    mention("Iceland", in: body, .place, "LOC:iceland"),
                    mention("Norway", in: body, .place, "LOC:norway"),
                    mention("Inuit Circumpolar Council", in: body, .organisation, "ORG:inuit-circumpolar-council"),
                ])]),
                Section(kind: .turn, title: "MR PRICE", paragraphs: [Paragraph(text: turn)]),
                Section(kind: .credits, paragraphs: [Paragraph(text: "Reporting by Ann Example")]),
            ],
            quotes: [Quote(text: "We will keep the lanes open", speaker: "the foreign minister")],
            entities: [
                Entity(key: "ORG:arctic-council", name: "Arctic Council", type: .organisation, mentions: 1),
                Entity(key: "LOC:reykjavik", name: "Reykjavik", type: .place, mentions: 2),
                Entity(key: "LOC:iceland", name: "Iceland", type: .place, mentions: 1),
                Entity(key: "LOC:norway", name: "Norway", type: .place, mentions: 1),
                Entity(key: "ORG:inuit-circumpolar-council", name: "Inuit Circumpolar Council", type: .organisation,
                       mentions: 1),
            ])
        return StoredStory(summary: arctic, story: story)
    }

    /// A story of `count` numbered paragraphs, for scrolling and resizing.
    static func longStory(paragraphs count: Int) -> StoredStory {
        let paragraphs = (1...count).map {
            Paragraph(text: "Paragraph \($0) says that the talks went on late into the night and resumed at dawn.")
        }
        return StoredStory(summary: grain, story: Story(title: "Grain corridor talks resume",
                                                        sections: [Section(kind: .body, paragraphs: paragraphs)]))
    }

    /// A reader at `width`×`height` with the fixture list loaded.
    static func loadedState(width: Int = 60, height: Int = 12, mode: ColorMode = .monochrome,
                            stories: [StorySummary] = summaries) -> ReaderState {
        var (state, _) = Reader.start(size: ScreenSize(width: width, height: height), theme: Theme(mode: mode))
        let unread = stories.filter { !$0.isRead }.count
        state = Reader.update(state, .listLoaded(stories, total: stories.count, unread: unread)).0
        return state
    }

    /// A reader with `stored` open in the story view.
    static func openState(_ stored: StoredStory = arcticStory, width: Int = 60, height: Int = 12,
                          mode: ColorMode = .monochrome) -> ReaderState {
        var state = loadedState(width: width, height: height, mode: mode)
        state.selectedID = stored.summary.id
        state = Reader.update(state, .open).0
        state = Reader.update(state, .storyLoaded(id: stored.summary.id, stored)).0
        return state
    }

    /// The reader's layout of `stored` at `width`.
    static func layout(_ stored: StoredStory, width: Int) -> StoryLayout {
        StoryLayout(stored, width: width)
    }

    /// Applies operations in order, ignoring effects.
    static func apply(_ state: ReaderState, _ operations: ReaderOperation...) -> ReaderState {
        operations.reduce(state) { Reader.update($0, $1).0 }
    }
}

extension ReaderState {
    /// The screen as text lines (trailing blanks trimmed).
    var screenLines: [String] { Reader.view(self).lines }
}

extension ReaderState {
    /// The entity panel, when it is the top screen.
    var panel: EntityPanelState? {
        if case let .entities(panel) = stack.top { panel } else { nil }
    }
}
