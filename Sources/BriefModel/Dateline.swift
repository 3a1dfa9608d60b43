/// A wire dateline lifted out of a story's lede, e.g. `REYKJAVIK/MOSCOW (Reuters) –`
/// gives places `["REYKJAVIK", "MOSCOW"]` (kept as written) and agency `Reuters`;
/// `WASHINGTON, Nov 3 (Reuters) -` also gives date `Nov 3`; `GENEVA —` has no agency.
public struct Dateline: Codable, Hashable, Sendable {
    public var places: [String]
    public var agency: String?
    /// The date as the dateline writes it (`Nov 3`), or nil.
    public var date: String?
    /// `date` as a calendar day: the year as written, else inferred from the reference date the story was
    /// parsed with (the import or feed date); nil when the dateline has no date or no year can be known.
    public var day: CalendarDay?

    public init(places: [String], agency: String?, date: String? = nil, day: CalendarDay? = nil) {
        self.places = places
        self.agency = agency
        self.date = date
        self.day = day
    }
}
