/// The quotation marks the quote finder understands.
enum QuoteMark {
    static let openDouble: Unicode.Scalar = "\u{201C}"    // “
    static let closeDouble: Unicode.Scalar = "\u{201D}"   // ”
    static let openSingle: Unicode.Scalar = "\u{2018}"    // ‘
    static let closeSingle: Unicode.Scalar = "\u{2019}"   // ’ (also the apostrophe)
    static let openGuillemet: Unicode.Scalar = "\u{00AB}" // «
    static let closeGuillemet: Unicode.Scalar = "\u{00BB}" // »
    static let straight: Unicode.Scalar = "\""

    static func isQuoteMark(_ c: Character) -> Bool {
        c == "\u{201C}" || c == "\u{201D}" || c == "\"" || c == "\u{2018}" || c == "\u{00AB}"
    }
}
