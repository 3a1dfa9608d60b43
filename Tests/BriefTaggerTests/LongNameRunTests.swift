import Testing
@testable import BriefTagger

/// A run of name labels longer than `Tagger.longestName` words is the tagger lost in text unlike prose, not a name:
/// it is neither a mention nor an entity (linking megabyte-long candidates hung `brief tag` on 2.4 MB of quoted words).
@Suite("Runs of name labels too long to be names")
struct LongNameRunTests {
    /// 60 title-case words between quotation marks, then a sentence with a place in it.
    static let text: String = {
        let words = ["Northern", "Council", "Harbour", "Ministry", "Alliance", "Fisheries", "Union", "Assembly",
                     "Delegation", "Commission", "Republic", "Federal", "Office", "Authority", "Coast", "Guard"]
        let run = (0..<60).map { words[($0 * 7 + $0 / 16) % words.count] }.joined(separator: " ")
        return "The envoy said: \"\(run)\" and left Geneva on Monday."
    }()

    @Test("The model labels the 60 quoted words as one name; tagging drops that run and keeps the place after it")
    func longRunIsDropped() throws {
        let tagger = try #require(CommittedModelTests.tagger, "the committed model loads")
        let tokenized = tagger.tokenizer.tokenize(Self.text)
        let labels = tagger.labels(for: tokenized, documents: [0..<tokenized.sentences.count])
        // The case the rule is for: the labels hold a name run longer than any name.
        let longest = BIOTagSet.spans(labels).map { $0.end - $0.start }.max() ?? 0
        #expect(longest > Tagger.longestName)

        let (mentions, entities) = tagger.tagDocument([Self.text])
        let words = mentions[0].map { $0.text.split(separator: " ").count }
        #expect(words.allSatisfy { $0 <= Tagger.longestName }, "\(mentions[0].map(\.text))")
        #expect(mentions[0].contains { $0.text == "Geneva" && $0.type == .place })
        #expect(entities.allSatisfy { $0.name.split(separator: " ").count <= Tagger.longestName })
    }
}
