import Testing
@testable import BriefModel

/// The sectioner's byte- and key-level shortcuts answer exactly as the string forms they replace.
@Suite("Sectioner fast paths")
struct SectionerFastPathTests {
    @Test("bare lower-cases and trims punctuation for ASCII and non-ASCII words alike", arguments: [
        ("Said,", "said"), ("“Nowak.”", "nowak"), ("(Reuters)", "reuters"), ("ÉLYSÉE,", "élysée"), ("--", ""),
        ("abcdefghijklmnopq", ""), ("Mr.", "mr"), ("U.S.", "u.s"),
    ])
    func bare(word: String, expected: String) {
        #expect(QuoteFinder.bare(word) == expected)
    }

    @Test("possessives are told from plain words on their bytes", arguments: [
        ("Beijing’s", true), ("Beijing's", true), ("ministers’", true), ("ministers'", true), ("Nowak", false),
        ("’s", true), ("s", false), ("’", false), ("Lindqvist’", false), ("", false),
    ])
    func possessive(word: String, expected: Bool) {
        #expect(SpeakerPhrase.isPossessive(word) == expected)
    }

    @Test("a packed key set holds exactly its keys")
    func packedKeySet() {
        let words = ["said", "told", "spokesperson", "minister", "ab"]
        let set = PackedKeySet(words.map(VerbKey.key))
        for word in words { #expect(set.contains(VerbKey.key(word))) }
        for word in ["says", "tol", "spokes", "ministers", "the", "zz"] { #expect(!set.contains(VerbKey.key(word))) }
    }

    @Test("scalars decode every UTF-8 length as the scalar view does")
    func scalars() {
        let text = "a é 中 😀 “x” \u{202E}"
        #expect(ScalarText.scalars(text) == Array(text.unicodeScalars))
    }

    @Test("a label's colon must come early: a long paragraph with a late colon is no label")
    func lateColon() {
        #expect(SpeakerLabel.parse(String(repeating: "A", count: 500) + ": x") == nil)
        #expect(SpeakerLabel.parse("MS NOWAK (via video link): Yes.")?.head == "MS NOWAK")
    }

    @Test("boilerplate opening with a bracket after Slideshow or spread by tabs is still dropped", arguments: [
        "Slideshow(2 images)", "Read\tmore", "Advertisement.",
    ])
    func boilerplateShapes(line: String) {
        let story = parseStory("Dam talks stall\n\nThe talks stalled.\n\n\(line)\n\nBoth sides left.\n")
        #expect(readingText(story) == ["The talks stalled.", "Both sides left."])
    }

    @Test("an all-caps heading is found after the letter scan moved first; mixed lines stay text")
    func headings() {
        #expect(HeadingLine.allCapsTitle("TALKS IN GENEVA") == "TALKS IN GENEVA")
        #expect(HeadingLine.allCapsTitle("Talks in Geneva") == nil)
        #expect(HeadingLine.allCapsTitle("NAIROBI, March 3 (Brief Wire) -") == nil)
    }
}
