/// A wire dateline lifted out of a story's lede, e.g. `REYKJAVIK/MOSCOW (Reuters) –`
/// gives places `["Reykjavik", "Moscow"]` (as written: `["REYKJAVIK", "MOSCOW"]`) and agency `Reuters`.
public struct Dateline: Codable, Hashable, Sendable {
    public var places: [String]
    public var agency: String?

    public init(places: [String], agency: String?) {
        self.places = places
        self.agency = agency
    }
}
