import Foundation
import Testing
@testable import BriefTagger

@Suite("Features")
struct FeatureTests {
    private let lexicon = Lexicon(entries: [
        "moscow": LexiconEntry(frequency: 9, cluster64: 9, cluster1024: 8, cluster4096: 1, gazetteer: [.city, .capital]),
        "sergei": LexiconEntry(frequency: 5, gazetteer: [.maleFirstName]),
    ])

    @Test("word info reads case, shape and the lexicon")
    func wordInfo() {
        let moscow = WordInfo("Moscow", lexicon: lexicon)
        #expect(moscow.letterCase == .capitalised)
        #expect(moscow.shortShape == FeatureHash.string("Xx"))
        #expect(moscow.gazetteer.contains(.capital))
        #expect(moscow.frequency == 9)
        #expect(moscow.cluster64 != 0)
        let caps = WordInfo("MOSCOW", lexicon: lexicon)
        #expect(caps.letterCase == .allCaps)
        #expect(caps.lower == moscow.lower) // same lower-case word
        #expect(caps.gazetteer == moscow.gazetteer)
        let year = WordInfo("1996", lexicon: lexicon)
        #expect(year.letterCase == .noLetters && year.hasDigit)
        #expect(year.lower == WordInfo("2024", lexicon: lexicon).lower) // digits fold together
    }

    @Test("typographic quotes and dashes read as their plain forms")
    func normalisation() {
        #expect(WordInfo("’s", lexicon: lexicon).word == WordInfo("'s", lexicon: lexicon).word)
        #expect(WordInfo("—", lexicon: lexicon).word == WordInfo("-", lexicon: lexicon).word)
    }

    @Test("word features depend on the offset and leave out switched-off families")
    func templates() {
        let w = WordInfo("Moscow", lexicon: lexicon)
        let all = FeatureTemplates(options: FeatureOptions())
        var here: [UInt64] = [], left: [UInt64] = []
        all.wordFeatures(w, offset: 0, into: &here)
        all.wordFeatures(w, offset: -1, into: &left)
        #expect(Set(here).isDisjoint(with: left))
        var again: [UInt64] = []
        all.wordFeatures(w, offset: 0, into: &again)
        #expect(again == here) // deterministic
        let noClusters = FeatureTemplates(options: FeatureOptions(clusters: false))
        var fewer: [UInt64] = []
        noClusters.wordFeatures(w, offset: 0, into: &fewer)
        #expect(fewer.count == here.count - 4)
    }

    @Test("document analysis notices headlines and words seen in lower case")
    func documentContext() {
        var table = WordTable(lexicon: lexicon)
        let text = Tokenizer().tokenize("RUSSIA WARNS WEST\nTurkey said the turkey was ready.")
        let ids = table.ids(for: text)
        let contexts = DocumentAnalysis.contexts(wordIds: ids, sentences: text.sentences, words: table.words).contexts
        #expect(text.sentences.count == 2)
        #expect(contexts[0].allCaps)
        #expect(!contexts[3].allCaps)
        #expect(contexts[3].seenLowercase) // "Turkey" appears as "turkey"
        #expect(contexts[3].position == 0)
    }
}
