import Foundation
import Testing
@testable import BriefTagger

@Suite("Tokeniser")
struct TokenizerTests {
    private let tokenizer = Tokenizer()

    /// The tokens' texts, read back through their scalar offsets into the original text.
    private func tokens(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return tokenizer.tokenize(text).tokens.map {
            String(String.UnicodeScalarView(scalars[$0.scalarStart..<$0.scalarEnd]))
        }
    }

    @Test("curly quotes and possessives come apart from the words they touch")
    func curlyQuotesAndPossessives() {
        // Given a quotation with curly quotes and a possessive
        let text = "“Russia’s move,” he said."
        // When it is tokenised
        // Then quotes, the possessive and punctuation are tokens of their own
        #expect(tokens(text) == ["“", "Russia", "’s", "move", ",", "”", "he", "said", "."])
    }

    @Test("straight-quote possessives split the same way")
    func straightPossessive() {
        #expect(tokens("NATO's chief") == ["NATO", "'s", "chief"])
        #expect(tokens("O'Brien spoke") == ["O'Brien", "spoke"])
    }

    @Test("abbreviations and initials keep their periods, sentence periods do not")
    func abbreviations() {
        #expect(tokens("The U.S. and the U.N. met Gen. Smith and John F. Kennedy.")
            == ["The", "U.S.", "and", "the", "U.N.", "met", "Gen.", "Smith", "and", "John", "F.", "Kennedy", "."])
        #expect(tokens("Mr. Lavrov left.") == ["Mr.", "Lavrov", "left", "."])
    }

    @Test("hyphenated capitalised names split, ordinary hyphenated words stay whole")
    func hyphens() {
        #expect(tokens("the Putin-Biden summit") == ["the", "Putin", "-", "Biden", "summit"])
        #expect(tokens("a U.S.-led coalition") == ["a", "U.S.-led", "coalition"])
        #expect(tokens("a well-known envoy") == ["a", "well-known", "envoy"])
        #expect(tokens("U.N. Secretary-General Antonio Guterres") == ["U.N.", "Secretary-General", "Antonio", "Guterres"])
        let known = Tokenizer(isKnownWord: { $0 == "guinea-bissau" })
        let text = "Guinea-Bissau voted"
        #expect(known.tokenize(text).tokens.count == 2)
    }

    @Test("em and en dashes are tokens; numbers and dates keep their inner punctuation")
    func dashesAndNumbers() {
        #expect(tokens("Kyiv—the capital–was calm") == ["Kyiv", "—", "the", "capital", "–", "was", "calm"])
        #expect(tokens("1,000 troops on 2024-02-24 cost $3.5 billion (10%)")
            == ["1,000", "troops", "on", "2024-02-24", "cost", "$", "3.5", "billion", "(", "10", "%", ")"])
        #expect(tokens("Wait -- what...") == ["Wait", "--", "what", "..."])
    }

    @Test("offsets count Unicode scalars through emoji, combining marks and CJK")
    func offsetsInScalars() {
        // Given text where graphemes, scalars and UTF-8 bytes all differ
        let text = "🇺🇦 Zelenskyy ❤️ Erdog\u{306}an met 習近平 in Zürich 👩‍👩‍👧 today."
        let result = tokenizer.tokenize(text)
        let scalars = Array(text.unicodeScalars)
        // Then each token's scalar range spells its bytes
        for (i, t) in result.tokens.enumerated() {
            let byScalars = String(String.UnicodeScalarView(scalars[t.scalarStart..<t.scalarEnd]))
            #expect(byScalars == result.text(of: i))
        }
        // And the combining breve stays inside the name, the family emoji is one token
        #expect(tokens(text).contains("Erdog\u{306}an"))
        #expect(tokens(text).contains("👩‍👩‍👧"))
        #expect(tokens(text).contains("習近平"))
        #expect(tokens(text).first == "🇺🇦")
        let zurich = result.tokens[tokens(text).firstIndex(of: "Zürich") ?? 0]
        #expect(scalars[zurich.scalarStart] == "Z" && scalars[zurich.scalarStart + 1] == "ü")
    }

    @Test("sentences split after terminators but not after abbreviations")
    func sentences() {
        let text = "Gen. Smith arrived in the U.S. on Monday. “We are ready,” he said! Talks resumed.\nNext line"
        let result = tokenizer.tokenize(text)
        let words = result.sentences.map { s in s.map { result.text(of: $0) } }
        #expect(words.count == 4)
        #expect(words.first?.first == "Gen.")
        #expect(words.dropFirst().first?.first == "“")
        #expect(words.last == ["Next", "line"])
    }

    @Test("empty text, text without letters and a huge token do not trap")
    func awkwardInput() {
        #expect(tokenizer.tokenize("").tokens.isEmpty)
        #expect(tokenizer.tokenize("   \n\n ").sentences.isEmpty)
        #expect(tokens("!!! ... ???").count >= 3)
        let long = String(repeating: "a", count: 10_000)
        #expect(tokens(long + " x") == [long, "x"])
    }
}
