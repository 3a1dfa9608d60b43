import Testing
import BriefModel

@Suite("Collecting quotes and their speakers")
struct QuoteTests {
    func quotes(_ body: String) -> [Quote] {
        parseStory("Headline\n\nThe lede paragraph.\n\n\(body)\n").quotes
    }

    @Test("`“…,” said a/the X` names X without its article")
    func saidAfterWithArticle() {
        #expect(quotes("“We will not give up the valley,” said a senior Lakeland official.")
            == [Quote(text: "We will not give up the valley", speaker: "senior Lakeland official")])
        #expect(quotes("“Talks are over,” said the deputy minister on Tuesday.")
            == [Quote(text: "Talks are over", speaker: "deputy minister")])
    }

    @Test("`“…,” X said` names X")
    func nameSaid() {
        #expect(quotes("“The border stays open,” Dalsky said.") == [Quote(text: "The border stays open", speaker: "Dalsky")])
        #expect(quotes("“It is late,” Dalsky, 64, later said.") == [Quote(text: "It is late", speaker: "Dalsky")])
    }

    @Test("`“…,” said X, a spokesman` cuts the appositive")
    func appositive() {
        #expect(quotes("“No comment,” said Piet Marais, a foreign ministry spokesman.")
            == [Quote(text: "No comment", speaker: "Piet Marais")])
    }

    @Test("`X said: “…”` and `X told reporters: “…”` name X")
    func before() {
        #expect(quotes("Marais said: “The ships will sail.”") == [Quote(text: "The ships will sail.", speaker: "Marais")])
        #expect(quotes("Speaking in Valmore, Irena Dalsky told reporters: “We are ready.”")
            == [Quote(text: "We are ready.", speaker: "Irena Dalsky")])
        #expect(quotes("Mr. Marais said, \"Enough.\"") == [Quote(text: "Enough.", speaker: "Mr. Marais")])
    }

    @Test("straight double quotes are quotes too")
    func straightQuotes() {
        #expect(quotes("\"The port is closed,\" the harbour master said.")
            == [Quote(text: "The port is closed", speaker: "harbour master")])
    }

    @Test("`he said` takes the speaker named in the same or previous paragraph")
    func pronounNearby() {
        let found = quotes("“We came to listen,” said Irena Dalsky.\n\n“And we will,” she said.")
        #expect(found == [Quote(text: "We came to listen", speaker: "Irena Dalsky"),
                          Quote(text: "And we will", speaker: "Irena Dalsky")])
    }

    @Test("`he said` with no speaker named nearby has no speaker")
    func pronounFar() {
        let found = quotes("“We came to listen,” said Irena Dalsky.\n\nThe talks went on.\n\nThey broke for lunch.\n\n“We will,” she said.")
        #expect(found.last == Quote(text: "We will", speaker: nil))
    }

    @Test("a quote with no attribution has no speaker")
    func unattributed() {
        #expect(quotes("Residents were told “to stay indoors until the storm passes.”")
            == [Quote(text: "to stay indoors until the storm passes.", speaker: nil)])
    }

    @Test("scare quotes are quotes without a speaker unless attributed right after")
    func scareQuotes() {
        #expect(quotes("Dalsky said the plan was “reckless” and walked out.") == [Quote(text: "reckless", speaker: nil)])
        #expect(quotes("“Reckless,” Dalsky said.") == [Quote(text: "Reckless", speaker: "Dalsky")])
    }

    @Test("single quotes count only when clearly quotes, never apostrophes")
    func singleQuotes() {
        #expect(quotes("The envoy’s plan wasn’t new, and it’s late.") == [])
        #expect(quotes("Officials called it ‘a breakthrough’ on Monday.") == [Quote(text: "a breakthrough", speaker: nil)])
        #expect(quotes("“They said ‘never’, we said ‘soon’,” Marais said.")
            == [Quote(text: "They said ‘never’, we said ‘soon’", speaker: "Marais")])
    }

    @Test("a quote left open runs to the end of its paragraph")
    func openQuote() {
        #expect(quotes("“We will keep talking. There is no other way")
            == [Quote(text: "We will keep talking. There is no other way", speaker: nil)])
    }

    @Test("quotes are collected from the lede as well, in reading order")
    func ledeQuotes() {
        let story = parseStory("Headline\n\n“First,” said Ana Ruiz.\n\n“Second,” said Li Wei.\n")
        #expect(story.quotes.map(\.speaker) == ["Ana Ruiz", "Li Wei"])
    }

    @Test("a quote right after `“…,” X said.` continues X's words")
    func continuation() {
        #expect(quotes("“We are ready,” Marais said. “The ships can sail tomorrow.” Talks went on.")
            == [Quote(text: "We are ready", speaker: "Marais"), Quote(text: "The ships can sail tomorrow.", speaker: "Marais")])
    }

    @Test("a quote ending its sentence is not attributed to the next sentence's speaker")
    func quoteEndsSentence() {
        #expect(quotes("Marais called the plan “a brochure, not a rulebook.” Dalsky, the other envoy, said little.")
            == [Quote(text: "a brochure, not a rulebook.", speaker: nil)])
    }

    @Test("an appositive before the name gives the name")
    func appositiveBeforeName() {
        #expect(quotes("“The valley stays green,” Varossa’s special envoy for water, Irena Dalsky, told reporters.")
            == [Quote(text: "The valley stays green", speaker: "Irena Dalsky")])
        #expect(quotes("“Enough,” said the envoy, Piet Marais, on Friday.") == [Quote(text: "Enough", speaker: "Piet Marais")])
    }

    @Test("`she said` can take the subject of the paragraph's first sentence")
    func pronounFromOpeningSentence() {
        #expect(quotes("Spokesperson Ana Ruiz said the talks would go on. “We are patient people,” she said.")
            == [Quote(text: "We are patient people", speaker: "Spokesperson Ana Ruiz")])
    }

    @Test("`he said` prefers this paragraph's speaker over the previous paragraph's")
    func pronounPrefersOwnParagraph() {
        let found = quotes("“We came to listen,” said Irena Dalsky.\n\nThe Varossa envoy, Piet Marais, said talks were useful. “We are not in a hurry,” he said.")
        #expect(found.last == Quote(text: "We are not in a hurry", speaker: "Piet Marais"))
    }
}
