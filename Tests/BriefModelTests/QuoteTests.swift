import Testing
import BriefModel

@Suite("Collecting quotes and their speakers")
struct QuoteTests {
    /// The quotes of a story whose lede is fixed and whose body is `body`, without paragraph positions.
    func quotes(_ body: String) -> [Quote] {
        parseStory("Headline\n\nThe lede paragraph.\n\n\(body)\n").quotes.map {
            var quote = $0
            quote.paragraph = nil
            return quote
        }
    }

    struct Shape: Sendable, CustomStringConvertible {
        var note: String
        var body: String
        /// The quote whose speaker is checked (a prefix of its text).
        var quote: String
        var speaker: String?
        var described: String? = nil
        var description: String { note }
    }

    @Test("Given a quote in one of the common attribution shapes, then its speaker is the person named", arguments: [
        Shape(note: "“…,” X said", body: "“The border stays open,” Dalsky said.", quote: "The border stays open", speaker: "Dalsky"),
        Shape(note: "“…,” said X, appositive", body: "“No comment,” said Piet Marais, a foreign ministry spokesman.",
              quote: "No comment", speaker: "Piet Marais"),
        Shape(note: "“…,” according to X", body: "“The ferry will sail,” according to Irena Dalsky, the port director.",
              quote: "The ferry will sail", speaker: "Irena Dalsky"),
        Shape(note: "“…,” X told reporters", body: "“We are ready,” Amara Ndiaye told reporters in Dakar.",
              quote: "We are ready", speaker: "Amara Ndiaye"),
        Shape(note: "X, who …, said “…”", body: "Ana Ruiz, who chairs the talks, said: “Nobody leaves before Friday.”",
              quote: "Nobody leaves", speaker: "Ana Ruiz"),
        Shape(note: "“…,” said X, who …", body: "“Water first,” said Samuel Otieno Kariuki, who leads the mediation team.",
              quote: "Water first", speaker: "Samuel Otieno Kariuki"),
        Shape(note: "colon after a name", body: "Marais said: “The ships will sail.”", quote: "The ships will sail.", speaker: "Marais"),
        Shape(note: "X told reporters: “…”", body: "Speaking in Valmore, Irena Dalsky told reporters: “We are ready.”",
              quote: "We are ready.", speaker: "Irena Dalsky"),
        Shape(note: "honorific dropped from the name", body: "Mr. Marais said, \"Enough.\"", quote: "Enough.", speaker: "Marais"),
        Shape(note: "title before the name is not the name",
              body: "“Grain must move,” Deputy Foreign Minister Iryna Kovalenko told reporters in Kyiv.",
              quote: "Grain must move", speaker: "Iryna Kovalenko"),
        Shape(note: "lower-case title before the name",
              body: "“Dialogue is the first tool,” Nigerian foreign ministry spokesperson Chinedu Obi said.",
              quote: "Dialogue is the first tool", speaker: "Chinedu Obi"),
        Shape(note: "a place phrase before the speaker is not the speaker",
              body: "In Washington, State Department deputy spokesperson Rachel Oduya welcomed the release and said the United States wanted “the immediate release of every aid worker.”",
              quote: "the immediate release", speaker: "Rachel Oduya"),
        Shape(note: "an appositive before the name gives the name",
              body: "“The valley stays green,” Varossa’s special envoy for water, Irena Dalsky, told reporters.",
              quote: "The valley stays green", speaker: "Irena Dalsky"),
        Shape(note: "partial quote in reported speech",
              body: "Ndiaye said the two sides should “not spend another quarter of a century” on the text.",
              quote: "not spend another", speaker: "Ndiaye"),
        Shape(note: "partial quote after a long subject with an appositive",
              body: "A German development ministry official, Katrin Vogel, said Berlin was “looking seriously” at a further contribution.",
              quote: "looking seriously", speaker: "Katrin Vogel"),
        Shape(note: "two partial quotes in one sentence",
              body: "A fisheries agency official, Pavel Orlov, said Moscow valued “pragmatic cooperation” but would “respond proportionately to any discrimination.”",
              quote: "respond proportionately", speaker: "Pavel Orlov"),
        Shape(note: "partial quote after a reporting verb",
              body: "Otieno described the atmosphere as “serious, not warm.”", quote: "serious, not warm.", speaker: "Otieno"),
        Shape(note: "a name followed by an organisation is the name",
              body: "Litia Vaka of the Forum Fisheries Agency called tuna “the currency” of the ocean.",
              quote: "the currency", speaker: "Litia Vaka"),
        Shape(note: "a particle inside a name", body: "“Patience won,” said Salim bin Nasser Al-Harthy, who led the talks.",
              quote: "Patience won", speaker: "Salim bin Nasser Al-Harthy"),
        Shape(note: "a quote in the following sentence continues the speaker",
              body: "“We are ready,” Marais said. “The ships can sail tomorrow.” Talks went on.",
              quote: "The ships can sail", speaker: "Marais"),
        Shape(note: "a described speaker gives no name but a description",
              body: "“We will not give up the valley,” said a senior Lakeland official.",
              quote: "We will not give up", speaker: nil, described: "senior Lakeland official"),
        Shape(note: "a described speaker before the quote",
              body: "A senior European diplomat said: “Listing ships is easy; stopping them is not.”",
              quote: "Listing ships", speaker: nil, described: "senior European diplomat"),
        Shape(note: "a relative clause is cut from a description",
              body: "A broker who asked not to be named said a state backstop “could halve the cost.”",
              quote: "could halve", speaker: nil, described: "broker"),
        Shape(note: "passive listeners are not speakers",
              body: "Residents were told “to stay indoors until the storm passes.”",
              quote: "to stay indoors", speaker: nil),
        Shape(note: "a quote ending its sentence is not attributed to the next sentence",
              body: "Officials called the plan “a brochure, not a rulebook.” Dalsky, the other envoy, said little.",
              quote: "a brochure", speaker: nil),
    ])
    func attributionShapes(_ shape: Shape) throws {
        try check(shape, last: false)
    }

    /// The first (or last) quote starting with the shape's quote has the shape's speaker and description.
    func check(_ shape: Shape, last: Bool) throws {
        let found = quotes(shape.body)
        let match = last ? found.last { $0.text.hasPrefix(shape.quote) } : found.first { $0.text.hasPrefix(shape.quote) }
        let quote = try #require(match, "quotes: \(found)")
        #expect(quote.speaker == shape.speaker, "\(quote)")
        #expect(quote.description == shape.described, "\(quote)")
    }

    @Test("Given a pronoun speaker, then it takes the nearest fitting named speaker", arguments: [
        Shape(note: "she said, previous paragraph", body: "“We came to listen,” said Irena Dalsky.\n\n“And we will,” she said.",
              quote: "And we will", speaker: "Irena Dalsky"),
        Shape(note: "she said, subject of the paragraph's first sentence",
              body: "Spokesperson Ana Ruiz said the talks would go on. “We are patient people,” she said.",
              quote: "We are patient", speaker: "Ana Ruiz"),
        Shape(note: "he said prefers this paragraph's speaker",
              body: "“We came to listen,” said Irena Dalsky.\n\nThe Varossa envoy, Piet Marais, said talks were useful. “We are not in a hurry,” he said.",
              quote: "We are not in a hurry", speaker: "Piet Marais"),
        Shape(note: "she skips a man named by honorific",
              body: "Foreign Minister Irena Dalsky met Mr. Piet Marais in Valmore. Marais said little. “We will be back,” she said.",
              quote: "We will be back", speaker: "Irena Dalsky"),
        Shape(note: "he said after a sentence-start pronoun resolved to someone",
              body: "Reza Tehrani-Far said Tehran had cooperated “within its obligations.” “Iran has nothing to hide,” he said.",
              quote: "Iran has nothing", speaker: "Reza Tehrani-Far"),
        Shape(note: "no speaker nearby gives none",
              body: "“We came to listen,” said Irena Dalsky.\n\nThe talks went on.\n\nThey broke for lunch.\n\n“We will,” she said.",
              quote: "We will", speaker: nil),
    ])
    func pronouns(_ shape: Shape) throws {
        try check(shape, last: true)
    }

    @Test("Given a title-only speaker, then it is the person holding that title earlier in the story", arguments: [
        Shape(note: "the spokesperson → named spokesperson",
              body: "State Department deputy spokesperson Rachel Oduya said the talks were useful.\n\nIn other news, the port reopened.\n\n“We will keep talking,” the spokesperson said.",
              quote: "We will keep talking", speaker: "Rachel Oduya"),
        Shape(note: "the official → an anonymous official earlier",
              body: "An Emirati official familiar with the talks said lists were agreed.\n\n“The channel works because it is quiet,” the official said.",
              quote: "The channel works", speaker: nil, described: "Emirati official familiar with the talks"),
        Shape(note: "the minister with no minister earlier",
              body: "“We will not sign,” the minister said.", quote: "We will not sign", speaker: nil, described: "minister"),
        Shape(note: "the envoy → appositive title",
              body: "Kenya’s special envoy, Samuel Otieno Kariuki, arrived on Monday.\n\n“Both sides came,” the envoy said.",
              quote: "Both sides came", speaker: "Samuel Otieno Kariuki"),
    ])
    func titles(_ shape: Shape) throws {
        try check(shape, last: true)
    }

    @Test("Given a surname speaker, then the speaker is the name as the story gives it in full")
    func fullNames() {
        let found = quotes("""
        Brazil’s Deputy Foreign Minister Helena Duarte Moreira opened the meeting.

        “We spent long enough,” Duarte Moreira said.

        “The door is open,” said Moreira.

        “Nothing changes,” MOREIRA said.
        """)
        #expect(found.map(\.speaker) == Array(repeating: "Helena Duarte Moreira", count: 3))
    }

    @Test("Given a surname before the full name appears, then the later full name is used")
    func fullNameLater() {
        let found = quotes("“Soon,” Lindqvist said.\n\nCommission spokesperson Elin Lindqvist spoke later.")
        #expect(found.map(\.speaker) == ["Elin Lindqvist"])
    }

    @Test("a quote and its bracketed translation are one quote", arguments: [
        "Beijing urged Manila to “停止挑衅” (“stop the provocations”).",
        "Beijing urged Manila to «停止挑衅» (“stop the provocations”).",
        "Beijing urged Manila to “停止挑衅” [“stop the provocations”].",
    ])
    func translation(body: String) throws {
        let found = quotes(body)
        #expect(found.count == 1, "\(found)")
        let quote = try #require(found.first)
        #expect(quote.text == "停止挑衅")
        #expect(quote.translation == "stop the provocations")
    }

    @Test("a quote left open goes on in the next paragraph that opens with a quotation mark")
    func multiParagraph() {
        let found = quotes("“We will keep talking. There is no other way.\n\n“And we will not stop before the ships sail,” said Irena Dalsky.")
        #expect(found == [Quote(text: "We will keep talking. There is no other way. And we will not stop before the ships sail",
                                speaker: "Irena Dalsky")])
    }

    @Test("a quote left open with no quote after it runs to the end of its paragraph")
    func openQuote() {
        #expect(quotes("“We will keep talking. There is no other way\n\nThe talks went on.")
            == [Quote(text: "We will keep talking. There is no other way", speaker: nil)])
    }

    @Test("straight double quotes are quotes too")
    func straightQuotes() {
        #expect(quotes("\"The port is closed,\" the harbour master said.")
            == [Quote(text: "The port is closed", speaker: nil, description: "harbour master")])
    }

    @Test("scare quotes take a speaker from the words right after or the sentence's reported speech only")
    func scareQuotes() {
        #expect(quotes("Dalsky said the plan was “reckless” and walked out.") == [Quote(text: "reckless", speaker: "Dalsky")])
        #expect(quotes("“Reckless,” Dalsky said.") == [Quote(text: "Reckless", speaker: "Dalsky")])
        #expect(quotes("The so-called “shadow fleet” sailed on.") == [Quote(text: "shadow fleet", speaker: nil)])
    }

    @Test("single quotes count only when clearly quotes, never apostrophes")
    func singleQuotes() {
        #expect(quotes("The envoy’s plan wasn’t new, and it’s late.") == [])
        #expect(quotes("The deal was ‘a breakthrough’ on Monday.") == [Quote(text: "a breakthrough", speaker: nil)])
        #expect(quotes("“They said ‘never’, we said ‘soon’,” Marais said.")
            == [Quote(text: "They said ‘never’, we said ‘soon’", speaker: "Marais")])
    }

    @Test("quotes are collected from the lede as well, in reading order, with their paragraph")
    func ledeQuotes() {
        let story = parseStory("Headline\n\n“First,” said Ana Ruiz.\n\n“Second,” said Li Wei.\n")
        #expect(story.quotes.map(\.speaker) == ["Ana Ruiz", "Li Wei"])
        #expect(story.quotes.map(\.paragraph) == [0, 1])
    }

    @Test("a speaker is never a place phrase")
    func neverPlace() {
        let found = quotes("In Washington, the envoy welcomed the release and said it was “overdue.”")
        #expect(found.allSatisfy { $0.speaker != "In Washington" && $0.speaker != "Washington" }, "\(found)")
    }
}
