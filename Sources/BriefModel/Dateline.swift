/// A wire dateline lifted out of a story's lede, e.g. `REYKJAVIK/MOSCOW (Reuters) –`
/// gives places `["REYKJAVIK", "MOSCOW"]` (kept as written) and agency `Reuters`;
/// `WASHINGTON, Nov 3 (Reuters) -` also gives date `Nov 3`; `GENEVA —` has no agency.
public struct Dateline: Codable, Hashable, Sendable {
    public var places: [String]
    public var agency: String?
    /// The date as the dateline writes it (`Nov 3`), or nil.
    public var date: String?

    public init(places: [String], agency: String?, date: String? = nil) {
        self.places = places
        self.agency = agency
        self.date = date
    }
}
