import BriefModel
import Foundation
import Testing

@Suite("Masking hostile text for the tagger")
struct TerminalTextMaskTests {
    @Test("Masking keeps the scalar count, so offsets into the stored text stay valid")
    func keepsScalarCount() {
        // Given text with an OSC 52 clipboard write, a CSI, a C1 control, bidi controls and non-ASCII payload
        let text = "Envoys\u{1B}]52;c;c3RvbGVu\u{07} met \u{1B}[2Jin Genève\u{9B}\u{202E} on Monday\u{2066}.\u{1B}]0;Zürich\u{07}"
        // When it is masked
        let masked = TerminalText.masked(text)
        // Then every scalar has a counterpart, and the words sit where they were
        #expect(masked.unicodeScalars.count == text.unicodeScalars.count)
        let original = Array(text.unicodeScalars), out = Array(masked.unicodeScalars)
        for (k, scalar) in out.enumerated() where scalar != " " {
            #expect(scalar == original[k])
        }
        #expect(!masked.contains("c3RvbGVu"))
        #expect(!masked.contains("Zürich"))
        #expect(masked.contains("in Genève"))
    }

    @Test("Masking removes what sanitising removes and keeps line breaks")
    func agreesWithSanitize() {
        let text = "a\u{1B}[31mb\tc\u{7F}d\ne\u{200F}f"
        let masked = TerminalText.masked(text)
        #expect(masked == "a     b c d\ne f")
        // Collapsing the spaces the mask added gives the sanitised words
        #expect(TerminalText.sanitize(masked, keepNewlines: true).split(separator: " ").joined()
                == TerminalText.sanitize(text, keepNewlines: true).replacingOccurrences(of: " ", with: ""))
    }

    @Test("Plain text is unchanged by masking")
    func plainUnchanged() {
        let text = "Foreign Minister Amara Ndiaye met ASEAN envoys in Jakarta, 仁爱礁, «всіх на всіх»."
        #expect(TerminalText.masked(text) == text)
    }
}
