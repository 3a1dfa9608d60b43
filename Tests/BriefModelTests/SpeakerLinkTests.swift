import BriefModel
import BriefTagger
import Foundation
import Testing

/// Quote and turn speakers linked to the story's entities by `StoryAnnotator`, with the committed model.
@Suite("Linking speakers to entities")
struct SpeakerLinkTests {
    private func annotate(_ text: String) throws -> Story {
        let tagger = try #require(StoryAnnotatorTests.tagger, "the committed model loads")
        return StoryAnnotator(tagger: tagger).annotate(parseStory(text))
    }

    @Test("Given quotes by a named person, then each quote links to the person's entity and shows the full name")
    func quotesLink() throws {
        let story = try annotate("""
        Ferry talks resume

        VALMORE (Reuters) - Foreign Minister Amara Ndiaye arrived in Geneva on Monday for talks on the ferry.

        “We came to listen,” Ndiaye told reporters outside the hall.

        “Nobody leaves before Friday,” she said.

        “The talks were useful,” said a senior European diplomat.

        Reporting by Tom Ndiaye Bell; Editing by Ana Ruiz
        """)
        let ndiaye = story.entities.first { $0.name == "Amara Ndiaye" }?.key
        #expect(ndiaye != nil, "\(story.entities)")
        #expect(story.quotes.map(\.speaker) == ["Amara Ndiaye", "Amara Ndiaye", nil])
        #expect(story.quotes.map(\.speakerEntity) == [ndiaye, ndiaye, nil])
        #expect(story.quotes.last?.description == "senior European diplomat")
    }

    @Test("Given a transcript whose labels name a person introduced earlier, then the turns link to that person")
    func turnsLink() throws {
        let story = try annotate("""
        Press briefing

        Weekly briefing by the spokesperson of the Polish foreign ministry, Katarzyna Nowak, in Warsaw on Thursday.

        MS NOWAK: Good morning. Poland welcomes the agreement.

        QUESTION (Reuters): Will the minister travel to Kyiv?

        SPOKESPERSON (Ms Katarzyna Nowak): Not this week.
        """)
        let nowak = story.entities.first { $0.name == "Katarzyna Nowak" }?.key
        #expect(nowak != nil, "\(story.entities)")
        let turns = story.sections.filter { $0.kind == .turn }
        #expect(turns.map(\.speaker) == ["Katarzyna Nowak", nil, "Katarzyna Nowak"])
        #expect(turns.map(\.speakerEntity) == [nowak, nil, nowak])
    }

    @Test("Given credits naming a reporter, then the reporter is tagged apart and no speaker links to the credits")
    func creditsApart() throws {
        let story = try annotate("""
        Ferry talks resume

        “We came to listen,” said Piet Marais.

        “It went well,” Bell said.

        Reporting by Tom Bell; Editing by Ana Ruiz
        """)
        let credits = try #require(story.sections.last)
        #expect(credits.kind == .credits)
        #expect(story.quotes.last?.speaker == "Bell")
        // The reporter in the credits is not the Bell quoted in the story.
        #expect(story.quotes.last?.speakerEntity == nil || story.quotes.last?.speakerEntity != credits.paragraphs[0].mentions.first { $0.text == "Tom Bell" }?.entity)
    }
}
