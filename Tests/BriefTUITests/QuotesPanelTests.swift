import BriefModel
import BriefStore
import Testing
@testable import BriefTUI

@Suite("The story's quotes panel")
struct QuotesPanelTests {
    /// A story of twelve paragraphs, quotes in the third and the eleventh (an invented minister and an unnamed
    /// official), the second with its translation.
    static var quoted: StoredStory {
        var paragraphs = (1...12).map { Paragraph(text: "Paragraph \($0): the talks on the Nile went on into the night.") }
        paragraphs[2] = Paragraph(text: "“We will not sign in haste,” said Foreign Minister Selam Haile.")
        paragraphs[10] = Paragraph(text: "An Egyptian official answered: “لا” (“no”).")
        let story = Story(title: "Nile talks stall", sections: [Section(kind: .body, paragraphs: paragraphs)],
                          quotes: [
                              Quote(text: "We will not sign in haste", speaker: "Selam Haile",
                                    speakerEntity: "PER:selam-haile", paragraph: 2),
                              Quote(text: "لا", speaker: nil, description: "Egyptian official", translation: "no",
                                    paragraph: 10),
                          ])
        return StoredStory(summary: Fixtures.grain, story: story)
    }

    @Test("\" lists the quotes with their speakers, the description when no name is given, and translations")
    func lists() {
        let state = Fixtures.apply(Fixtures.openState(Self.quoted, width: 60, height: 14), .quotes)
        #expect(state.screen == .quotes)
        let lines = state.screenLines
        #expect(lines[0] == " Brief › Quotes in this story")
        #expect(lines[1] == " Selam Haile")
        #expect(lines[2] == "   “We will not sign in haste”")
        #expect(lines[4] == " Egyptian official")
        #expect(lines[5] == "   “لا”")
        #expect(lines[6] == "   (“no”)")
        // The first quote is selected (reversed)
        #expect(Reader.view(state)[3, 1]?.style.reverse == true)
        #expect(Reader.view(state)[3, 4]?.style.reverse != true)
    }

    @Test("j selects the next quote and Enter goes to its paragraph in the text, saying who spoke")
    func enterJumps() throws {
        let state = Fixtures.apply(Fixtures.openState(Self.quoted, width: 60, height: 10), .quotes, .moveDown, .open)
        #expect(state.screen == .story)
        let layout = try #require(state.page?.layout)
        let line = layout.paragraphStarts[10]
        #expect(state.page?.top == min(line, layout.lines.count - state.bodyHeight))
        #expect(state.status == "Quote 2 of 2: Egyptian official")
        #expect(state.screenLines.contains { $0.contains("An Egyptian official answered") })
    }

    @Test("\" again or Esc closes the panel; a story without quotes says so")
    func closes() {
        let open = Fixtures.apply(Fixtures.openState(Self.quoted), .quotes)
        #expect(Fixtures.apply(open, .quotes).screen == .story)
        #expect(Fixtures.apply(open, .clear).screen == .story)
        let none = Fixtures.apply(Fixtures.openState(Fixtures.longStory(paragraphs: 3)), .quotes)
        #expect(none.screen == .story && none.status == "No quotes in this story")
    }

    @Test("The key is in the keymap and the help")
    func keymap() {
        #expect(Keymap.standard.operation(for: .character("\"")) == .quotes)
        let help = HelpLines.lines(.standard, theme: Theme(mode: .monochrome)).map { $0.map(\.text).joined() }
        #expect(help.contains { $0.contains("Quotes in this story, who said them") })
    }
}
