/// Names the knowledge base knows whole come out whole and typed as it says: a capitalised run of two or more
/// tokens that is a knowledge-base name of one type (`Democratic Republic of the Congo`, `Second Thomas
/// Shoal`, `International Committee of the Red Cross`) replaces the entities the tagger found inside or across
/// it, when the tagger found at least one there (so the knowledge base corrects the tagger's cut, never
/// invents a name the context argued against).
public enum KnowledgeSpans {
    /// Organisations and places only: the tagger finds people well, and person lists hold common names.
    static let typeFlags: [(GazetteerFlags, Int)] = [(.knownOrganisation, 1), (.knownPlace, 2)]

    /// Updates `labels` (one per token) within `sentences`; `keys` are the tokens' lexicon keys. `lookups` are the
    /// phrase look-ups already made for the tokens from `lookupsStart` on (`DocumentContexts.phrases`): those are read,
    /// not made again.
    public static func apply(keys: [UInt64], capitalised: [Bool], sentences: ArraySlice<Range<Int>>,
                             labels: inout [Int], lexicon: Lexicon, lookups: PhraseLookups = PhraseLookups(count: 0),
                             lookupsStart: Int = 0) {
        guard lexicon.hasPhrases, keys.count == labels.count else { return }
        var found = [UInt64](repeating: Lexicon.noPhrase, count: Lexicon.maxPhraseWords + 1)
        for sentence in sentences {
            var i = sentence.lowerBound
            while i < sentence.upperBound {
                guard capitalised[i] else { i += 1; continue }
                var matched = 0
                var length = min(Lexicon.maxPhraseWords, sentence.upperBound - i)
                if length >= 2, !lookups.recall(i - lookupsStart, n: length, into: &found) {
                    lexicon.phrasePrefixes(keys[i..<(i + length)], into: &found)
                }
                while length >= 2 {
                    let z = i + length
                    if capitalised[z - 1], found[length] != Lexicon.noPhrase {
                        let flags = GazetteerFlags(rawValue: UInt32(truncatingIfNeeded: found[length]))
                        let types = typeFlags.filter { flags.contains($0.0) }
                        let isPerson = flags.contains(.knownPerson)
                        if types.count == 1, !isPerson, let type = types.first?.1, (i..<z).contains(where: { labels[$0] != 0 }) {
                            // A run that would cut an entity going on outside it is the tagger's to keep.
                            let cutsBefore = labels[i] % 2 == 0 && labels[i] != 0
                            let cutsAfter = z < sentence.upperBound && labels[z] % 2 == 0 && labels[z] != 0
                            // The tagger's own entity exactly over the run stays as the tagger typed it.
                            let exact = labels[i] % 2 == 1 && (i + 1..<z).allSatisfy { labels[$0] == labels[i] + 1 }
                                && !(z < sentence.upperBound && labels[z] == labels[i] + 1)
                            if !cutsBefore, !cutsAfter, !exact {
                                labels[i] = 1 + 2 * type
                                for k in (i + 1)..<z { labels[k] = 2 + 2 * type }
                                matched = length
                                break
                            }
                        }
                    }
                    length -= 1
                }
                i += max(matched, 1)
            }
        }
    }
}
