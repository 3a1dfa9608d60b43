/// Which name lists a lower-cased word appears in (as the whole name or as one word of a longer name).
public struct GazetteerFlags: OptionSet, Hashable, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let maleFirstName = GazetteerFlags(rawValue: 1 << 0)
    public static let femaleFirstName = GazetteerFlags(rawValue: 1 << 1)
    /// Among the 1,000 commonest surnames.
    public static let commonSurname = GazetteerFlags(rawValue: 1 << 2)
    /// Among the 10,000 commonest surnames (but not the first 1,000).
    public static let surname = GazetteerFlags(rawValue: 1 << 3)
    /// A rarer surname.
    public static let rareSurname = GazetteerFlags(rawValue: 1 << 4)
    public static let country = GazetteerFlags(rawValue: 1 << 5)
    public static let countryWord = GazetteerFlags(rawValue: 1 << 6)
    public static let city = GazetteerFlags(rawValue: 1 << 7)
    public static let cityWord = GazetteerFlags(rawValue: 1 << 8)
    public static let demonym = GazetteerFlags(rawValue: 1 << 9)
    public static let region = GazetteerFlags(rawValue: 1 << 10)
    public static let regionWord = GazetteerFlags(rawValue: 1 << 11)
    public static let continent = GazetteerFlags(rawValue: 1 << 12)
    public static let capital = GazetteerFlags(rawValue: 1 << 13)
    /// A title or honorific that precedes names (`president`, `gen.`); our own list, not a data file.
    public static let title = GazetteerFlags(rawValue: 1 << 14)

    /// An international organisation, agency or bloc (`NATO`, `African Union`); our own list.
    public static let organisation = GazetteerFlags(rawValue: 1 << 15)

    /// A whole name (one word or a phrase) in the knowledge base as a person, organisation or place.
    public static let knownPerson = GazetteerFlags(rawValue: 1 << 16)
    public static let knownOrganisation = GazetteerFlags(rawValue: 1 << 17)
    public static let knownPlace = GazetteerFlags(rawValue: 1 << 18)
    /// One word of a longer knowledge-base name of that type.
    public static let knownPersonWord = GazetteerFlags(rawValue: 1 << 19)
    public static let knownOrganisationWord = GazetteerFlags(rawValue: 1 << 20)
    public static let knownPlaceWord = GazetteerFlags(rawValue: 1 << 21)
    /// A given name from the world lists (many countries, not only the US census).
    public static let givenName = GazetteerFlags(rawValue: 1 << 22)

    /// How many flags there are (bits 0 up to this).
    public static let bitCount = 23
}
