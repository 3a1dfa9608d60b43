import Foundation
import Testing
import BriefModel

@Suite("Reading the dateline's date")
struct DatelineDateTests {
    struct Case: Sendable, CustomStringConvertible {
        var opening: String
        var reference: String?
        var date: String?
        var day: String?
        var description: String { opening + " @ " + (reference ?? "none") }
    }

    static func day(_ iso: String) -> Date { CalendarDay(iso: iso)!.date.addingTimeInterval(15 * 3600) }

    @Test("Given a dated dateline and a reference day, then the date is read and the year inferred", arguments: [
        Case(opening: "NAIROBI, March 3 (Brief Wire) -", reference: "2026-03-04", date: "March 3", day: "2026-03-03"),
        Case(opening: "GENEVA, 12 February —", reference: "2026-02-12", date: "12 February", day: "2026-02-12"),
        Case(opening: "WASHINGTON, Nov 3 (Reuters) -", reference: "2026-11-03", date: "Nov 3", day: "2026-11-03"),
        Case(opening: "BEIJING, Dec. 30 (Xinhua) --", reference: "2027-01-02", date: "Dec. 30", day: "2026-12-30"),
        Case(opening: "TOKYO, Jan 2 (Kyodo) -", reference: "2026-12-31", date: "Jan 2", day: "2027-01-02"),
        Case(opening: "NAIROBI, March 10 (Brief Wire) -", reference: "2026-12-02", date: "March 10", day: "2026-03-10"),
        Case(opening: "NAIROBI, Dec 20 (Brief Wire) -", reference: "2026-12-02", date: "Dec 20", day: "2026-12-20"),
        Case(opening: "SÃO TOMÉ, Sept. 30, 2024 (Lusa) –", reference: "2026-03-01", date: "Sept. 30, 2024", day: "2024-09-30"),
        Case(opening: "KYIV, Tuesday, March 3 (AP) —", reference: "2026-03-05", date: "Tuesday, March 3", day: "2026-03-03"),
        Case(opening: "OSLO, Thursday 12 February (NTB) —", reference: "2026-02-13", date: "Thursday 12 February", day: "2026-02-12"),
        Case(opening: "PARIS, 3rd March 2026 (AFP) -", reference: nil, date: "3rd March 2026", day: "2026-03-03"),
        Case(opening: "ACCRA, 2026-03-03 (GNA) -", reference: nil, date: "2026-03-03", day: "2026-03-03"),
        Case(opening: "BERLIN, 03.03.2026 (Reuters) -", reference: nil, date: "03.03.2026", day: "2026-03-03"),
        Case(opening: "VIENNA, 3.3. (APA) -", reference: "2026-03-04", date: "3.3.", day: "2026-03-03"),
        Case(opening: "MANILA, 3/12 (PNA) -", reference: "2026-03-13", date: "3/12", day: "2026-03-12"),
        Case(opening: "LIMA, Monday (Andina) -", reference: "2026-03-05", date: "Monday", day: "2026-03-02"),
        Case(opening: "NAIROBI, March 3 (Brief Wire) -", reference: nil, date: "March 3", day: nil),
        Case(opening: "GENEVA —", reference: "2026-02-12", date: nil, day: nil),
        Case(opening: "KYIV, Ukraine, March 3 (AP) —", reference: "2026-03-04", date: "March 3", day: "2026-03-03"),
    ])
    func dates(_ c: Case) throws {
        let text = "Talks resume\n\n\(c.opening) The talks resumed on the island.\n"
        let parsed = ArticleParser.parse(text, format: .article, reference: c.reference.map(Self.day))
        let dateline = try #require(parsed.story.dateline)
        #expect(dateline.date == c.date)
        #expect(dateline.day?.description == c.day)
        #expect(parsed.story.sections.first?.paragraphs.first?.text == "The talks resumed on the island.")
    }

    @Test("Given front matter with a date and no reference, then the front matter date is the reference")
    func frontMatterReference() {
        let text = "---\ndate: 2026-11-10\n---\nTalks\n\nGENEVA, Nov 9 (Reuters) - Talks went on.\n"
        #expect(ArticleParser.parse(text, format: .article).story.dateline?.day == CalendarDay(year: 2026, month: 11, day: 9))
    }

    @Test("Given a date that does not exist, then there is no day but the text is kept")
    func impossibleDate() {
        let parsed = ArticleParser.parse("Talks\n\nGENEVA, February 30 (Reuters) - Talks.\n", format: .article,
                                         reference: Self.day("2026-03-01"))
        #expect(parsed.story.dateline?.date == "February 30")
        #expect(parsed.story.dateline?.day == nil)
    }

    @Test("A calendar day encodes as its ISO text and decodes back; bad text is an error")
    func codable() throws {
        let day = try #require(CalendarDay(year: 2026, month: 3, day: 3))
        let data = try JSONEncoder().encode(Dateline(places: ["GENEVA"], agency: nil, date: "March 3", day: day))
        #expect(String(decoding: data, as: UTF8.self).contains("\"day\":\"2026-03-03\""))
        #expect(try JSONDecoder().decode(Dateline.self, from: data).day == day)
        let old = try JSONDecoder().decode(Dateline.self, from: Data(#"{"places":["GENEVA"],"date":"March 3"}"#.utf8))
        #expect(old.day == nil)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(CalendarDay.self, from: Data(#""2026-02-30""#.utf8))
        }
    }
}
