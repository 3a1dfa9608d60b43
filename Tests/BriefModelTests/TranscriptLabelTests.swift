import Testing
import BriefModel

@Suite("Transcript labels and the people behind them")
struct TranscriptLabelTests {
    struct Label: Sendable, CustomStringConvertible {
        var line: String
        var title: String
        var speaker: String?
        var description: String { line }
    }

    /// A briefing introducing its spokesperson, then the given label line between two labelled turns.
    static func briefing(_ line: String) -> Story {
        parseStory("""
        Press briefing

        Weekly briefing by the spokesperson of the Ministry of Foreign Affairs of Poland, Ms Katarzyna Nowak, in Warsaw.

        MODERATOR: Good morning.

        \(line) Here are the words of this turn.

        QUESTION: Thank you.
        """)
    }

    @Test("Given a label in any common form, then it starts a turn titled as written, with the person behind it", arguments: [
        Label(line: "QUESTION (Reuters):", title: "QUESTION (Reuters)", speaker: nil),
        Label(line: "Q (Deutsche Welle):", title: "Q (Deutsche Welle)", speaker: nil),
        Label(line: "SPOKESPERSON (Ms Katarzyna Nowak):", title: "SPOKESPERSON (Ms Katarzyna Nowak)", speaker: "Katarzyna Nowak"),
        Label(line: "MS NOWAK (via video link):", title: "MS NOWAK (via video link)", speaker: "Katarzyna Nowak"),
        Label(line: "MS NOWAK:", title: "MS NOWAK", speaker: "Katarzyna Nowak"),
        Label(line: "Ms Nowak:", title: "Ms Nowak", speaker: "Katarzyna Nowak"),
        Label(line: "MS. NOWAK:", title: "MS. NOWAK", speaker: "Katarzyna Nowak"),
        Label(line: "SPOKESPERSON:", title: "SPOKESPERSON", speaker: "Katarzyna Nowak"),
        Label(line: "Q:", title: "Q", speaker: nil),
        Label(line: "A:", title: "A", speaker: nil),
        Label(line: "Question:", title: "Question", speaker: nil),
        Label(line: "MODERATOR:", title: "MODERATOR", speaker: nil),
        Label(line: "MR KOWALSKI:", title: "MR KOWALSKI", speaker: "Kowalski"),
        Label(line: "AMBASSADOR LEPIK:", title: "AMBASSADOR LEPIK", speaker: "Lepik"),
    ])
    func labels(_ label: Label) throws {
        let story = Self.briefing(label.line)
        let turns = story.sections.filter { $0.kind == .turn }
        #expect(turns.map(\.title) == ["MODERATOR", label.title, "QUESTION"], "\(story.sections)")
        let turn = try #require(turns.dropFirst().first)
        #expect(turn.paragraphs.map(\.text) == ["Here are the words of this turn."])
        #expect(turn.speaker == label.speaker)
    }

    @Test("Given a question with a parenthesis after an answer, then the question is its own turn, not glued to the answer")
    func questionNotGlued() {
        let story = parseStory("""
        Briefing

        MS NOWAK: We welcome the agreement.
        QUESTION (Polish Radio): Will the minister travel to Kyiv?
        MS NOWAK: Not this week.
        """)
        #expect(story.sections.map(\.title) == ["MS NOWAK", "QUESTION (Polish Radio)", "MS NOWAK"])
        #expect(readingText(story) == ["We welcome the agreement.", "Will the minister travel to Kyiv?", "Not this week."])
    }

    @Test("Given an unattributed quote in a turn, then it belongs to the person behind the label")
    func quoteInTurn() {
        let story = parseStory("Briefing\n\nDeputy spokesperson Tomas Price spoke.\n\nMR PRICE: I would call it “a serious and welcome step forward.”\n\nQUESTION: Thanks.\n")
        #expect(story.quotes.map(\.speaker) == ["Tomas Price"])
    }

    @Test("Mixed-case lines that are not labels stay text", arguments: [
        "Note: the ferry was late.",
        "What comes next: talks in Valmore.",
        "Update: the border opened.",
    ])
    func notLabels(line: String) {
        let story = parseStory("Ferry\n\nThe ferry sailed.\n\n\(line)\n\nIt was full.\n\n\(line)\n")
        #expect(story.sections.allSatisfy { $0.kind != .turn }, "\(story.sections)")
    }
}
