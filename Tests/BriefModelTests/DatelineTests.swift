import Testing
import BriefModel

@Suite("Lifting the dateline out of the lede")
struct DatelineTests {
    struct Case: Sendable, CustomStringConvertible {
        var opening: String
        var places: [String]
        var agency: String?
        var date: String?
        var description: String { opening }
    }

    @Test("wire datelines give places (as written), agency and date, and leave the lede text", arguments: [
        Case(opening: "VALMORE/ISTRAN (Reuters) –", places: ["VALMORE", "ISTRAN"], agency: "Reuters"),
        Case(opening: "WASHINGTON, Nov 3 (Reuters) -", places: ["WASHINGTON"], agency: "Reuters", date: "Nov 3"),
        Case(opening: "KYIV (AP) —", places: ["KYIV"], agency: "AP"),
        Case(opening: "BEIJING, March 5 (Xinhua) --", places: ["BEIJING"], agency: "Xinhua", date: "March 5"),
        Case(opening: "GENEVA —", places: ["GENEVA"], agency: nil),
        Case(opening: "UNITED NATIONS (AFP) -", places: ["UNITED NATIONS"], agency: "AFP"),
        Case(opening: "ST. PETERSBURG/PORT-AU-PRINCE (Reuters) -", places: ["ST. PETERSBURG", "PORT-AU-PRINCE"],
             agency: "Reuters"),
        Case(opening: "Geneva (Reuters) -", places: ["Geneva"], agency: "Reuters"),
        Case(opening: "KYIV, Ukraine (AP) —", places: ["KYIV, Ukraine"], agency: "AP"),
        Case(opening: "SÃO TOMÉ, Sept. 30, 2026 (Lusa) –", places: ["SÃO TOMÉ"], agency: "Lusa", date: "Sept. 30, 2026"),
    ])
    func datelines(_ c: Case) {
        // Given a lede opening with the dateline
        let story = parseStory("Ferry service resumes\n\n\(c.opening) The island ferry sailed again on Friday.\n")
        // Then the dateline is lifted out and the lede keeps only its own words
        let dateline = story.dateline
        #expect(dateline.map { Dateline(places: $0.places, agency: $0.agency, date: $0.date) }
            == Dateline(places: c.places, agency: c.agency, date: c.date))
        #expect(story.sections.first == Section(kind: .lede, paragraphs: [Paragraph(text: "The island ferry sailed again on Friday.")]))
    }

    @Test("ordinary openings are not datelines", arguments: [
        "U.S. officials said the ferry would sail again.",
        "NATO allies met in the port city on Friday.",
        "EU - Lakeland trade rose last year, figures showed.",
        "GENEVA-BASED monitors said the ferry sailed.",
        "The minister – tired but upbeat – spoke briefly.",
        "UN (the world body) said nothing — for now.",
        "In Valmore (Reuters reported) - talks went on.",
    ])
    func notDatelines(lede: String) {
        let story = parseStory("Ferry service resumes\n\n\(lede)\n")
        #expect(story.dateline == nil)
        #expect(story.sections.first == Section(kind: .lede, paragraphs: [Paragraph(text: lede)]))
    }

    @Test("a dateline on its own line leaves the next paragraph as the lede")
    func datelineAlone() {
        let story = parseStory("Ferry service resumes\n\nGENEVA —\n\nThe ferry sailed.\n\nIt was full.\n")
        #expect(story.dateline == Dateline(places: ["GENEVA"], agency: nil))
        #expect(story.sections == [
            Section(kind: .lede, paragraphs: [Paragraph(text: "The ferry sailed.")]),
            Section(kind: .body, paragraphs: [Paragraph(text: "It was full.")]),
        ])
    }

    @Test("only the lede is searched for a dateline")
    func onlyLede() {
        let story = parseStory("Ferry\n\nThe ferry sailed.\n\nGENEVA — talks went on.\n")
        #expect(story.dateline == nil)
        #expect(readingText(story) == ["The ferry sailed.", "GENEVA — talks went on."])
    }
}
