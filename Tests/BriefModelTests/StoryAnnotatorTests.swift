@testable import BriefModel
import BriefTagger
import Foundation
import Testing

/// `StoryAnnotator` with the committed model in Resources/ner, on stories we wrote ourselves.
@Suite("Story annotator")
struct StoryAnnotatorTests {
    static let modelDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Resources/ner", isDirectory: true)

    static let tagger: Tagger? = try? Tagger.load(from: modelDirectory)

    private func annotator() throws -> StoryAnnotator {
        StoryAnnotator(tagger: try #require(Self.tagger, "the committed model loads from \(Self.modelDirectory.path)"))
    }

    /// Three paragraphs in two sections: a full name, then the surname alone, places repeated.
    static let story = Story(
        title: "Envoys meet in Geneva over grain corridor",
        sections: [
            Section(kind: .lede, paragraphs: [
                Paragraph(text: "Foreign Minister Amara Ndiaye arrived in Geneva on Monday for talks with the United Nations."),
            ]),
            Section(kind: .body, title: "Talks", paragraphs: [
                Paragraph(text: "“We came to listen,” Ndiaye told reporters 🇸🇳 outside the hall in Geneva."),
                Paragraph(text: "Officials from the European Union said the talks would move to Nairobi, where Ndiaye will meet President Joao Lourenco."),
            ]),
        ])

    private func scalars(_ text: String, _ m: Mention) -> String? {
        let all = Array(text.unicodeScalars)
        guard m.start >= 0, m.start <= m.end, m.end <= all.count else { return nil }
        return String(String.UnicodeScalarView(all[m.start..<m.end]))
    }

    private func allMentions(_ story: Story) -> [Mention] {
        story.sections.flatMap { $0.paragraphs.flatMap(\.mentions) }
    }

    @Test("A headline is title case when four or more long words are capitalised, in any script, and none is not")
    func titleCaseHeadlines() {
        #expect(StoryAnnotator.isTitleCase("Russia Warns West Over Grain Deal"))
        #expect(StoryAnnotator.isTitleCase("Zürich Élite Über Ärzte Straße"))
        #expect(StoryAnnotator.isTitleCase("UN Envoy Urges Calm After Talks Stall"))
        // Then sentence case, a long word in lower case, and too few capitalised words are not
        #expect(!StoryAnnotator.isTitleCase("Russia warns West over grain deal"))
        #expect(!StoryAnnotator.isTitleCase("Russia Warns West over Grain Deal"))
        #expect(!StoryAnnotator.isTitleCase("ÉLYSÉE Confirms Summit Dates"))
        #expect(!StoryAnnotator.isTitleCase("Ministers Meet in Oslo"))
    }

    @Test("Given a story of several paragraphs, each paragraph gets its own mentions with offsets into that paragraph")
    func mentionsPerParagraph() throws {
        // When the story is annotated
        let annotated = try annotator().annotate(Self.story)

        // Then the text is untouched and every mention's offsets pick out its text from its own paragraph
        #expect(annotated.sections.map { $0.paragraphs.map(\.text) } == Self.story.sections.map { $0.paragraphs.map(\.text) })
        let paragraphs = annotated.sections.flatMap(\.paragraphs)
        #expect(paragraphs.allSatisfy { !$0.mentions.isEmpty }, "\(paragraphs.map(\.mentions))")
        for paragraph in paragraphs {
            for m in paragraph.mentions {
                #expect(scalars(paragraph.text, m) == m.text, "\(m) in \(paragraph.text)")
            }
        }
        // And the second paragraph's surname points at the full name from the first
        #expect(paragraphs[0].mentions.contains { $0.text == "Amara Ndiaye" && $0.entity == "PER:amara-ndiaye" })
        #expect(paragraphs[1].mentions.contains { $0.text == "Ndiaye" && $0.entity == "PER:amara-ndiaye" })
        #expect(paragraphs[2].mentions.contains { $0.text == "Ndiaye" && $0.entity == "PER:amara-ndiaye" })
    }

    @Test("Story entities have one entry per key, and each count equals the number of mentions linked to it")
    func entitiesMatchMentions() throws {
        let annotated = try annotator().annotate(Self.story)

        let mentions = allMentions(annotated)
        var counted: [String: Int] = [:]
        for m in mentions { counted[m.entity, default: 0] += 1 }
        let keys = annotated.entities.map(\.key)
        #expect(Set(keys).count == keys.count, "no key twice: \(keys)")
        #expect(Set(keys) == Set(counted.keys))
        for entity in annotated.entities {
            #expect(entity.mentions == counted[entity.key], "\(entity.key)")
            #expect(entity.key.hasPrefix(entity.type.rawValue + ":"))
        }
        let ndiaye = try #require(annotated.entities.first { $0.key == "PER:amara-ndiaye" })
        #expect(ndiaye.name == "Amara Ndiaye")
        #expect(ndiaye.type == .person)
        #expect(ndiaye.mentions == 3)
        #expect(annotated.entities.first { $0.key == "LOC:geneva" }?.mentions == 2)
    }

    @Test("The same surface form keeps one type across paragraphs")
    func oneTypePerSurfaceForm() throws {
        // Given a name that could be a place or a person, used in several paragraphs
        let story = Story(title: "Talks continue", sections: [Section(kind: .body, paragraphs: [
            Paragraph(text: "Delegates gathered in Jordan on Tuesday for the regional summit."),
            Paragraph(text: "Jordan said it would host the next round of talks in the spring."),
            Paragraph(text: "Ministers from Egypt and Jordan signed a water agreement."),
        ])])

        let annotated = try annotator().annotate(story)

        var types: [String: Set<EntityType>] = [:]
        for m in allMentions(annotated) { types[m.text, default: []].insert(m.type) }
        #expect(types["Jordan"]?.isEmpty == false, "Jordan is found: \(allMentions(annotated))")
        for (text, seen) in types {
            #expect(seen.count == 1, "\(text) has types \(seen)")
        }
        // And all mentions of one surface form share one entity key
        let keys = Set(allMentions(annotated).filter { $0.text == "Jordan" }.map(\.entity))
        #expect(keys.count == 1)
    }

    @Test("Annotating the same story twice, or an annotated story again, gives the same result")
    func deterministic() throws {
        let annotator = try annotator()

        let first = annotator.annotate(Self.story)
        let second = annotator.annotate(Self.story)
        let again = annotator.annotate(first)

        #expect(first == second)
        #expect(again == first)
    }

    @Test("A story without paragraphs, or with empty and letterless paragraphs, gets no mentions or entities")
    func emptyParagraphs() throws {
        let annotator = try annotator()
        let none = annotator.annotate(Story(title: "Amara Ndiaye visits Geneva", sections: []))
        let blank = annotator.annotate(Story(title: "", sections: [Section(kind: .body, paragraphs: [
            Paragraph(text: ""), Paragraph(text: "12 345 — 67%"), Paragraph(text: "🙂🙂"),
        ])]))

        #expect(none.entities.isEmpty)
        #expect(blank.entities.isEmpty)
        #expect(allMentions(blank).isEmpty)
        #expect(blank.sections[0].paragraphs.count == 3)
    }

    @Test("A name only in the headline adds no entity; headline context does not shift paragraph offsets")
    func headlineOnlyName() throws {
        let story = Story(title: "Amara Ndiaye warns of delays at the grain port", sections: [Section(kind: .body, paragraphs: [
            Paragraph(text: "Ships waited outside Odesa for a third day, officials in Kyiv said."),
        ])])

        let annotated = try annotator().annotate(story)

        #expect(!annotated.entities.contains { $0.key == "PER:amara-ndiaye" })
        let paragraph = annotated.sections[0].paragraphs[0]
        for m in paragraph.mentions {
            #expect(scalars(paragraph.text, m) == m.text, "\(m)")
        }
        #expect(paragraph.mentions.contains { $0.text == "Kyiv" && $0.type == .place })
    }

    @Test("An entity's aliases are the other forms its paragraph mentions use, not forms only in the headline")
    func aliasesFromParagraphs() throws {
        // Given a headline (not title case) naming the minister by surname, and a paragraph by full name only
        let story = Story(title: "Ndiaye and Lourenco meet in Luanda", sections: [Section(kind: .body, paragraphs: [
            Paragraph(text: "Foreign Minister Amara Ndiaye met President Joao Lourenco in Luanda on Friday."),
        ])])

        let annotated = try annotator().annotate(story)

        // Then her entity counts one mention and lists no alias the reader never sees in the text
        let ndiaye = try #require(annotated.entities.first { $0.key == "PER:amara-ndiaye" })
        #expect(ndiaye.mentions == 1)
        #expect(ndiaye.aliases.isEmpty, "\(ndiaye.aliases)")
        let texts = Set(annotated.sections[0].paragraphs[0].mentions.map(\.text))
        for entity in annotated.entities {
            #expect(entity.aliases.allSatisfy { texts.contains($0) && $0 != entity.name }, "\(entity)")
        }
    }
}
