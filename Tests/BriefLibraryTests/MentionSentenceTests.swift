import BriefLibrary
import BriefTagger
import Testing

/// The sentence cut walks the paragraph in place; it must cut exactly where the copy-based cut did.
@Suite("Cutting a paragraph to the mention's sentence")
struct MentionSentenceTests {
    @Test("Random paragraphs of sentences, quotes, abbreviations and other scripts cut as before at every mention")
    func sameAsCopyingCut() {
        let words = ["Mr.", "Dr.", "J.", "Lavrov", "said", "talks.", "ended!", "why?", "“quote.”", "(aside.)", "it’s",
                     "e.g.", "Prof.", "Zu\u{308}rich", "北京。", "Ankara.", "\"Done.\"", "’", "]", "  ", "\t", "\n", "é.",
                     "x", "U.S.", "🌍.", "Москва.", "St.", "end?!", "a.b"]
        var generator = SplitMix64(seed: 5)
        for _ in 0..<400 {
            var paragraph = ""
            for _ in 0..<Int(generator.next() % 25) {
                paragraph += words[Int(generator.next() % UInt64(words.count))]
                paragraph += generator.next() % 4 == 0 ? "" : " "
            }
            let count = paragraph.unicodeScalars.count
            for _ in 0..<6 {
                let start = Int(generator.next() % UInt64(count + 3)) - 1
                let end = start + Int(generator.next() % 12) - 2
                let new = MentionSentence.cut(paragraph, start: start, end: end)
                let old = ArrayMentionSentence.cut(paragraph, start: start, end: end)
                #expect(new.sentence == old.sentence && new.start == old.start && new.end == old.end,
                        "\(paragraph.debugDescription) \(start)..<\(end)")
            }
        }
    }

    @Test("The sentence around a mention is cut at the full stops, not at an initial or a title")
    func cutsAtSentenceEnds() {
        let paragraph = "Talks opened. Then Mr. J. Smith met Lavrov in Geneva. Nothing was agreed."
        let start = Array(paragraph.unicodeScalars).firstIndex(of: "L") ?? 0
        let cut = MentionSentence.cut(paragraph, start: start, end: start + 6)
        #expect(cut.sentence == "Then Mr. J. Smith met Lavrov in Geneva.")
        #expect(Array(cut.sentence.unicodeScalars)[cut.start..<cut.end].map(Character.init) == Array("Lavrov"))
    }

    @Test("Sentences are cut from the paragraph around the mention")
    func sentences() {
        let paragraph = "Talks began on Monday. Mr. Lund met the Arctic Council in Tromsø. Nothing was agreed!"
        let start = Array(paragraph.unicodeScalars).count - "the Arctic Council in Tromsø. Nothing was agreed!".unicodeScalars.count + 4
        let cut = MentionSentence.cut(paragraph, start: start, end: start + 14)
        #expect(cut.sentence == "Mr. Lund met the Arctic Council in Tromsø.")
        let mention = String(String.UnicodeScalarView(Array(cut.sentence.unicodeScalars)[cut.start..<cut.end]))
        #expect(mention == "Arctic Council")
        // Bad offsets give the whole paragraph, no mention
        #expect(MentionSentence.cut("  A short one.  ", start: 40, end: 45) == ("A short one.", 0, 0))
    }
}
