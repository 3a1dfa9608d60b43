import CZlib
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
        // Given texts of many sizes, either side of the sizes of deflate's windows (2^k bytes less 262)
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

    /// `text` compressed by zlib itself behind its byte count: the blobs of caches written before libdeflate.
    private static func zlibBlob(_ text: String) throws -> Data {
        let bytes = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: Int(compressBound(uLong(bytes.count))))
        var written = uLong(output.count)
        #expect(compress2(&output, &written, bytes, uLong(bytes.count), 6) == Z_OK)
        let length = UInt32(bytes.count)
        return Data((0..<4).map { UInt8(truncatingIfNeeded: length >> (8 * UInt32($0))) } + output[0..<Int(written)])
    }

    @Test("a blob zlib wrote reads back whole and by its first bytes, as libdeflate's do")
    func readsZlibBlobs() throws {
        let text = Self.prose(20_000, seed: 3)
        let blob = try Self.zlibBlob(text)
        #expect(DeflatedText.inflate(blob) == text)
        #expect(DeflatedText.expand(blob, limit: 1_000) == Array(text.utf8.prefix(1_000)))
        // And libdeflate's blob holds the same text
        let ours = try #require(DeflatedText.deflate(text))
        #expect(DeflatedText.expand(ours) == Array(text.utf8))
        #expect(DeflatedText.expand(ours, limit: 1_000) == Array(text.utf8.prefix(1_000)))
    }

    @Test("a blob cut short, or whose count says more or less than its stream holds, is refused whole")
    func refusesDamagedBlobs() throws {
        let text = Self.prose(5_000, seed: 11)
        let blob = try #require(DeflatedText.deflate(text))
        // Cut short
        #expect(DeflatedText.expand(blob.prefix(blob.count - 20)) == nil)
        // A count one more, and one less, than the text
        for length in [text.utf8.count + 1, text.utf8.count - 1] {
            var wrong = blob
            for byte in 0..<4 { wrong[wrong.startIndex + byte] = UInt8(truncatingIfNeeded: length >> (8 * byte)) }
            #expect(DeflatedText.expand(wrong) == nil, "count \(length)")
        }
        // A count of 4 GB, more than any stream of this size can hold: refused before memory is taken for it
        var huge = blob
        for byte in 0..<4 { huge[huge.startIndex + byte] = 0xFF }
        #expect(DeflatedText.expand(huge) == nil)
        #expect(DeflatedText.expand(huge, limit: 100) == nil)
        // A flipped byte in the middle of the stream (its checksum no longer matches, or it no longer inflates)
        var flipped = blob
        flipped[flipped.startIndex + blob.count / 2] ^= 0x5A
        #expect(DeflatedText.expand(flipped) != Array(text.utf8))
    }
}
