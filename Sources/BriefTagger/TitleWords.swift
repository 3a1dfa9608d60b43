/// Titles and honorifics that stand before names in news text (our own list). They are features for the
/// tagger and are trimmed from the front of person mentions.
public enum TitleWords {
    /// Lower-case titles, with and without the abbreviation period.
    public static let all: Set<String> = [
        "president", "vice", "minister", "prime", "foreign", "defence", "defense", "finance", "interior",
        "secretary", "state", "general", "gen", "gen.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.",
        "chancellor", "king", "queen", "prince", "princess", "sheikh", "sheik", "emir", "senator", "sen", "sen.",
        "rep", "rep.", "representative", "gov", "gov.", "governor", "ambassador", "envoy", "spokesman",
        "spokeswoman", "spokesperson", "chairman", "chairwoman", "chair", "director", "pope", "cardinal",
        "archbishop", "bishop", "rev", "rev.", "reverend", "col", "col.", "colonel", "lt", "lt.", "lieutenant",
        "maj", "maj.", "major", "capt", "capt.", "captain", "sgt", "sgt.", "sergeant", "adm", "adm.", "admiral",
        "commander", "premier", "deputy", "chief", "mayor", "judge", "justice", "lord", "lady", "sir", "dame",
        "ayatollah", "imam", "rabbi", "marshal", "field", "brig", "brig.", "brigadier", "commissioner",
        "undersecretary", "under-secretary", "attorney", "speaker", "leader", "mme", "mme.", "madame", "monsieur",
        "herr", "frau", "prof", "prof.", "professor", "president-elect", "crown", "secretary-general",
        "director-general", "attorney-general", "governor-general", "prime-minister", "vice-president",
        "ceo", "minister-president", "state-secretary", "under-secretary-general",
    ]
}
