import Foundation
import Testing
@testable import BriefModel

@Suite("Decoding input bytes")
struct SourceTextTests {
    @Test("plain UTF-8 text decodes unchanged apart from line ends")
    func decodesText() throws {
        // Given UTF-8 with CRLF and lone CR line ends and accented text
        let data = Data("Talks in Genève\r\nresume\rtoday\n".utf8)
        // When decoded
        let text = try SourceText.decode(data)
        // Then line ends are LF and the text is otherwise as written
        #expect(text == "Talks in Genève\nresume\ntoday\n")
    }

    @Test("a UTF-8 byte-order mark is stripped")
    func stripsBOM() throws {
        let data = Data([0xEF, 0xBB, 0xBF] + Array("Headline".utf8))
        #expect(try SourceText.decode(data) == "Headline")
    }

    @Test("empty input is refused as empty")
    func refusesEmpty() {
        #expect(throws: SourceTextError.empty) { try SourceText.decode(Data()) }
        #expect(throws: SourceTextError.empty) { try SourceText.decode(Data(" \n\r\n\t".utf8)) }
        #expect(SourceTextError.empty.description == "input is empty")
    }

    @Test("invalid UTF-8 is refused naming the byte offset")
    func refusesInvalidUTF8() {
        // Given Latin-1 "é" (0xE9) at byte 9 of otherwise ASCII text
        let data = Data(Array("Cafe and ".utf8) + [0xE9] + Array(" more".utf8))
        // When decoded, Then the error names byte 9
        #expect(throws: SourceTextError.invalidUTF8(offset: 9)) { try SourceText.decode(data) }
        #expect(SourceTextError.invalidUTF8(offset: 9).description == "invalid UTF-8 at byte 9")
    }

    @Test("overlong, surrogate and truncated sequences are invalid UTF-8", arguments: [
        ([0x41, 0xC0, 0xAF], 1),             // overlong "/"
        ([0x41, 0x42, 0xED, 0xA0, 0x80], 2), // UTF-16 surrogate
        ([0x41, 0xE2, 0x82], 1),             // truncated euro sign at the end
        ([0xF5, 0x80, 0x80, 0x80], 0),       // above U+10FFFF
    ] as [([UInt8], Int)])
    func refusesMalformedSequences(bytes: [UInt8], offset: Int) {
        #expect(throws: SourceTextError.invalidUTF8(offset: offset)) { try SourceText.decode(Data(bytes)) }
    }

    @Test("binary input with NUL bytes is refused naming the first one")
    func refusesNUL() {
        let data = Data(Array("PK".utf8) + [0x03, 0x04, 0x00, 0x00] + Array("rest".utf8))
        #expect(throws: SourceTextError.binary(offset: 4)) { try SourceText.decode(data) }
        #expect(SourceTextError.binary(offset: 4).description.contains("binary"))
    }

    @Test("input that is mostly control bytes is refused as binary")
    func refusesMostlyControls() {
        let data = Data((0..<200).map { UInt8(1 + $0 % 8) } + Array("text".utf8))
        #expect(throws: SourceTextError.binary(offset: 0)) { try SourceText.decode(data) }
    }

    @Test("terminal escapes are text, not binary, and are kept as written")
    func keepsEscapes() throws {
        let hostile = "Headline\n\u{1B}[2Jbody \u{1B}]52;c;ZXZpbA==\u{07} \u{202E}txet"
        #expect(try SourceText.decode(Data(hostile.utf8)) == hostile)
    }

    @Test("a 50 MB input is refused with both sizes in the message, without decoding it")
    func refusesLargeInput() {
        // Given 50 MB generated here (never committed)
        let data = Data(repeating: 0x61, count: 50 * 1_000_000)
        // When decoded, Then it is refused as too large
        #expect(throws: SourceTextError.tooLarge(byteCount: 50_000_000, limit: SourceText.maxBytes)) {
            try SourceText.decode(data)
        }
        let message = SourceTextError.tooLarge(byteCount: 50_000_000, limit: SourceText.maxBytes).description
        #expect(message == "input is too large: 50000000 bytes (47.6 MiB), the limit is 8388608 bytes (8.0 MiB)")
    }

    @Test("input of exactly the size limit is accepted")
    func acceptsLimit() throws {
        let data = Data(repeating: 0x61, count: SourceText.maxBytes)
        #expect(try SourceText.decode(data).utf8.count == SourceText.maxBytes)
    }
}
