import Foundation
import Testing
@testable import BriefStore

@Suite("Deflated text")
struct DeflatedTextTests {
    /// Text that does not repeat itself within `count` bytes: words drawn from a fixed generator.
    private static func prose(_ count: Int, seed: UInt64) -> String {
        let words = ["ministers", "met", "in", "Nairobi", "before", "the", "summit", "on", "water", "rights", "and",
                     "agreed", "a", "timetable", "for", "talks", "Lake", "Victoria", "commission", "said", "Ruiz", "—",
                     "Kisumu", "delegates", "é", "année"]
        var state = seed
        var text = ""
        while text.utf8.count < count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            text += words[Int(state >> 33) % words.count] + (state & 7 == 0 ? ". " : " ")
        }
        return text
    }

    @Test("texts either side of each window size come back byte for byte")
    func roundTripsAcrossWindowSizes() throws {
        // Given texts around the sizes where the window grows (a window of 2^k bytes holds a text of 2^k − 262)
        for size in [200, 249, 250, 251, 762, 763, 3_834, 3_835, 16_122, 32_505, 32_506, 32_507, 100_000] {
            let text = Self.prose(size, seed: UInt64(size))
            // When it is compressed and expanded
            let blob = try #require(DeflatedText.deflate(text), "size \(size)")
            // Then it is the same text
            #expect(DeflatedText.inflate(blob) == text, "size \(size)")
        }
    }

    @Test("a passage repeated at the far end of a text is found: the window covers the whole text")
    func windowCoversTheText() throws {
        // Given a text that is one passage written twice, and the passage alone
        for size in [1_000, 4_000, 12_000, 16_000] {
            let passage = Self.prose(size, seed: 7)
            let once = try #require(DeflatedText.deflate(passage))
            let twice = try #require(DeflatedText.deflate(passage + passage))
            // Then the second copy costs almost nothing: it is matched against the first, as far back as it lies
            #expect(twice.count < once.count + once.count / 10, "size \(size): \(once.count) then \(twice.count)")
        }
    }
}
