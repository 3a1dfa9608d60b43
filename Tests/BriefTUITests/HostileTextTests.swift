import BriefModel
import BriefStore
import BriefTagger
import Testing
@testable import BriefTUI

@Suite("Hostile story text never reaches the grid raw")
struct HostileTextTests {
    static let hostile = "Evil\u{1B}[2J\u{1B}]0;pwned\u{07} title\u{9B}31m \u{202E}desrever\u{202C} end\u{0}\r\u{8}"

    static var hostileStory: StoredStory {
        let summary = StorySummary(id: 7, title: hostile, source: "/tmp/\u{1B}[31mbad.txt", published: nil,
                                   importedAt: Fixtures.day(28), readAt: nil, topEntities: [hostile])
        let text = "Before \(hostile) after Norway"
        let story = Story(title: hostile, dateline: Dateline(places: [hostile], agency: hostile),
                          sections: [Section(kind: .body, title: hostile, paragraphs: [
                              Paragraph(text: text, mentions: [Fixtures.mention("Norway", in: text, .place, "LOC:norway")]),
                          ])],
                          quotes: [Quote(text: hostile, speaker: hostile)],
                          entities: [Entity(key: "LOC:norway", name: hostile, type: .place, mentions: 1)])
        return StoredStory(summary: summary, story: story)
    }

    static func isRaw(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || (0x202A...0x202E).contains(scalar.value)
            || (0x2066...0x2069).contains(scalar.value) || [0x200E, 0x200F, 0x061C].contains(scalar.value)
    }

    @Test("No cell of the list, story, entity or help screen holds a control or bidi character")
    func noRawControls() {
        let stored = Self.hostileStory
        let list = Fixtures.loadedState(width: 100, height: 10, stories: [stored.summary])
        let story = Fixtures.apply(list, .open, .storyLoaded(id: 7, stored))
        let screens = [list, story, Fixtures.apply(story, .nextMention), Fixtures.apply(story, .entities),
                       Fixtures.apply(story, .bottom), Fixtures.apply(list, .failed(Self.hostile))]
        for state in screens {
            let grid = Reader.view(state)
            let raw = grid.cells.flatMap { $0.grapheme.unicodeScalars }.filter(Self.isRaw)
            #expect(raw.isEmpty, "raw controls on \(state.screen): \(raw.map(\.value))")
        }
    }

    @Test("The words around hostile sequences are kept and shown")
    func wordsKept() {
        let stored = Self.hostileStory
        let state = Fixtures.apply(Fixtures.loadedState(width: 100, height: 20, stories: [stored.summary]),
                                   .open, .storyLoaded(id: 7, stored))
        let screen = state.screenLines.joined(separator: "\n")
        #expect(screen.contains("Evil title"))
        #expect(screen.contains("desrever end"))
        #expect(!screen.contains("pwned"))
    }

    @Test("A mention whose offsets run past its paragraph is ignored, not trusted")
    func badOffsetsIgnored() {
        var stored = Fixtures.arcticStory
        stored.story.sections = [Section(kind: .lede, paragraphs: [
            Paragraph(text: "Short", mentions: [Mention(start: 2, end: 99, type: .person, text: "x", entity: "PER:x"),
                                                Mention(start: 3, end: 1, type: .person, text: "y", entity: "PER:y")]),
        ])]
        let state = Fixtures.openState(stored)
        #expect(state.screenLines.contains("  Short"))
        #expect(state.page?.layout?.mentions.isEmpty == true)
    }
}
