/// The words dates in feeds are written with: month names in the languages feeds commonly use, and time zone
/// abbreviations with their offsets.
enum FeedDateNames {
    /// The month a word names (lower-case, trailing dot removed), or nil. Full names and the usual abbreviations
    /// in English, French, German, Spanish, Italian, Portuguese, Dutch and Russian (nominative and genitive).
    static func month(_ word: String) -> Int? {
        if let month = months[word] { return month }
        // Other abbreviations and inflections: the first four letters, then three (`sept.`, `Sept`, `janv`).
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= 3 else { return nil }
        for length in [4, 3] where scalars.count >= length {
            var prefix = String.UnicodeScalarView()
            prefix.append(contentsOf: scalars[0..<length])
            if let month = prefixes[String(prefix)] { return month }
        }
        return nil
    }

    private static let months: [String: Int] = {
        let names: [[String]] = [
            ["january", "janvier", "januar", "jänner", "enero", "gennaio", "janeiro", "januari", "январь", "января"],
            ["february", "février", "fevrier", "februar", "febrero", "febbraio", "fevereiro", "februari", "февраль", "февраля"],
            ["march", "mars", "märz", "maerz", "marzo", "março", "marco", "maart", "март", "марта"],
            ["april", "avril", "abril", "aprile", "апрель", "апреля"],
            ["may", "mai", "mayo", "maggio", "maio", "mei", "май", "мая"],
            ["june", "juin", "juni", "junio", "giugno", "junho", "июнь", "июня"],
            ["july", "juillet", "juli", "julio", "luglio", "julho", "июль", "июля"],
            ["august", "août", "aout", "agosto", "augustus", "август", "августа"],
            ["september", "septembre", "septiembre", "settembre", "setembro", "сентябрь", "сентября"],
            ["october", "octobre", "oktober", "octubre", "ottobre", "outubro", "октябрь", "октября"],
            ["november", "novembre", "noviembre", "novembro", "ноябрь", "ноября"],
            ["december", "décembre", "decembre", "dezember", "diciembre", "dicembre", "dezembro", "декабрь", "декабря"],
        ]
        var table: [String: Int] = [:]
        for (index, words) in names.enumerated() {
            for word in words { table[word] = index + 1 }
        }
        return table
    }()

    /// Abbreviations by their first four or three letters. Three-letter ones that two languages use for different
    /// months are left out (`jui` is June and July in French: `juin` and `juil` decide).
    private static let prefixes: [String: Int] = [
        "jan": 1, "janv": 1, "ene": 1, "gen": 1, "янв": 1,
        "feb": 2, "fév": 2, "févr": 2, "fev": 2, "fevr": 2, "фев": 2,
        "mar": 3, "mär": 3, "mrt": 3, "мар": 3,
        "apr": 4, "avr": 4, "abr": 4, "апр": 4,
        "mag": 5, "mai": 5, "mei": 5,
        "jun": 6, "juin": 6, "giu": 6, "июн": 6,
        "jul": 7, "juil": 7, "lug": 7, "июл": 7,
        "aug": 8, "aoû": 8, "aou": 8, "ago": 8, "авг": 8,
        "sep": 9, "sept": 9, "set": 9, "сен": 9,
        "oct": 10, "okt": 10, "ott": 10, "out": 10, "окт": 10,
        "nov": 11, "ноя": 11,
        "dec": 12, "déc": 12, "dez": 12, "dic": 12, "дек": 12,
    ]

    /// Minutes east of UTC for the zone names and abbreviations feeds write (RFC 822's, and the common ones of
    /// North America, Europe, Asia and Oceania). Ambiguous ones take their commonest meaning (`IST` India,
    /// `BST` British summer time, `CST` US central).
    static let zones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "wet": 0, "wat": 60, "west": 60, "bst": 60, "ist": 330, "cet": 60,
        "met": 60, "mez": 60, "cest": 120, "mest": 120, "mesz": 120, "eet": 120, "eest": 180, "sast": 120,
        "cat": 120, "eat": 180, "msk": 180, "msd": 240, "trt": 180, "gst": 240, "pkt": 300, "npt": 345, "ict": 420,
        "wib": 420, "hkt": 480, "sgt": 480, "awst": 480, "pht": 480, "myt": 480, "jst": 540,
        "kst": 540, "acst": 570, "acdt": 630, "aest": 600, "aedt": 660, "nzst": 720, "nzdt": 780,
        "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360, "pst": -480, "pdt": -420,
        "akst": -540, "akdt": -480, "hst": -600, "ast": -240, "adt": -180, "nst": -210, "ndt": -150, "brt": -180,
        "art": -180, "clt": -240,
    ]
}
