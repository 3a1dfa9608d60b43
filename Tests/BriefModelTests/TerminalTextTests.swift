import Testing
import BriefModel

@Suite("Sanitising text for the terminal")
struct TerminalTextTests {
    @Test("CSI sequences such as clear-screen and colours are removed whole")
    func removesCSI() {
        #expect(TerminalText.sanitize("a\u{1B}[2Jb\u{1B}[1;31mred\u{1B}[0m") == "abred")
    }

    @Test("OSC sequences ended by BEL or ST are removed whole, including clipboard writes")
    func removesOSC() {
        #expect(TerminalText.sanitize("x\u{1B}]52;c;c2VjcmV0\u{07}y") == "xy")
        #expect(TerminalText.sanitize("x\u{1B}]0;title\u{1B}\\y") == "xy")
        #expect(TerminalText.sanitize("x\u{1B}]8;;http://e.test\u{1B}\\link\u{1B}]8;;\u{1B}\\y") == "xlinky")
    }

    @Test("an unterminated OSC ends at the line break so the rest stays readable")
    func unterminatedOSC() {
        #expect(TerminalText.sanitize("a\u{1B}]52;c;AAAA\nnext line", keepNewlines: true) == "a\nnext line")
    }

    @Test("other ESC sequences and a lone ESC are removed")
    func removesShortEscapes() {
        #expect(TerminalText.sanitize("a\u{1B}(Bb\u{1B}7c\u{1B}") == "abc")
    }

    @Test("C0 controls, DEL and C1 controls are removed; tab becomes a space")
    func removesControls() {
        #expect(TerminalText.sanitize("a\u{07}b\u{08}c\u{7F}d\u{9B}e\u{85}f\tg\r") == "abcdef g")
    }

    @Test("newlines are kept only when asked, else become spaces")
    func newlines() {
        #expect(TerminalText.sanitize("one\ntwo") == "one two")
        #expect(TerminalText.sanitize("one\ntwo", keepNewlines: true) == "one\ntwo")
    }

    @Test("bidi embedding, override and isolate controls and marks are removed")
    func removesBidi() {
        let hostile = "a\u{202A}b\u{202B}c\u{202C}d\u{202D}e\u{202E}f\u{2066}g\u{2067}h\u{2068}i\u{2069}j\u{200E}k\u{200F}l\u{061C}m"
        #expect(TerminalText.sanitize(hostile) == "abcdefghijklm")
    }

    @Test("ordinary text in any script is untouched")
    func keepsText() {
        let text = "Лавров — 外交部 «mots» “quote” é́ 🇺🇳 مرحبا"
        #expect(TerminalText.sanitize(text) == text)
    }
}
