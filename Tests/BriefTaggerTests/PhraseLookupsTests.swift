@testable import BriefTagger
import Testing

@Suite("Phrase look-ups kept for a second pass")
struct PhraseLookupsTests {
    private let lexicon = Lexicon(entries: [
        "new york": LexiconEntry(gazetteer: .knownPlace),
        "new york city": LexiconEntry(gazetteer: .knownPlace),
        "united nations": LexiconEntry(gazetteer: .knownOrganisation),
    ])

    private func keys(_ words: String) -> [UInt64] {
        words.split(separator: " ").map { FeatureHash.string(String($0)) }
    }

    @Test("A look-up read back is the one the lexicon made, for the same token over the same words only")
    func recallsWhatWasKept() {
        // Given the look-ups of two tokens of a sentence, kept as the analysis makes them
        let sentence = keys("talks in new york city with the united nations")
        var lookups = PhraseLookups(count: sentence.count)
        var made = [[UInt64]]()
        for i in [2, 7] {
            var found = [UInt64](repeating: Lexicon.noPhrase, count: Lexicon.maxPhraseWords + 1)
            let n = min(Lexicon.maxPhraseWords, sentence.count - i)
            lexicon.phrasePrefixes(sentence[i..<(i + n)], into: &found)
            lookups.keep(i, n: n, found: found)
            made.append(found)
        }
        // Then each reads back as made: `new york` and `new york city` found from token 2, `united nations` from 7
        var read = [UInt64](repeating: 0, count: Lexicon.maxPhraseWords + 1)
        #expect(lookups.recall(2, n: 6, into: &read))
        #expect(Array(read[2...6]) == Array(made[0][2...6]))
        #expect(read[2] != Lexicon.noPhrase && read[3] != Lexicon.noPhrase && read[4] == Lexicon.noPhrase)
        #expect(lookups.recall(7, n: 2, into: &read))
        #expect(read[2] == UInt64(GazetteerFlags.knownOrganisation.rawValue))
        // And a token never looked up, or looked up over another number of words, or out of range, reads nothing
        #expect(!lookups.recall(3, n: 5, into: &read))
        #expect(!lookups.recall(2, n: 5, into: &read))
        #expect(!lookups.recall(-1, n: 2, into: &read) && !lookups.recall(99, n: 2, into: &read))
    }
}
