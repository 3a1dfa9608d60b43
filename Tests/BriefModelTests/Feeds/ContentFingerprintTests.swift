import Testing
import BriefModel

@Suite("Recognising the same story in two feeds")
struct ContentFingerprintTests {
    @Test("The same story with different markup, case and spacing has one fingerprint")
    func sameStory() {
        // Given one story as two feeds render it
        let a = FeedItem(id: "a", title: "Ceasefire holds", content: .html("<p>Guns fell silent&nbsp;at dawn.</p><p>Aid moved in.</p>"))
        let b = FeedItem(id: "b", title: "  ceasefire   HOLDS ", content: .text("Guns fell silent at dawn.\n\nAid moved in."))
        // Then their fingerprints are equal
        #expect(a.fingerprint == b.fingerprint)
        #expect(a.fingerprint.value.count == 32)
    }

    @Test("Stories that share a sentence but differ elsewhere keep different fingerprints")
    func sharedSentence() {
        let shared = "<p>The ministry said talks would continue.</p>"
        let a = FeedItem(id: "a", title: "Talks in Geneva", content: .html(shared + "<p>Delegates arrived Monday.</p>"))
        let b = FeedItem(id: "b", title: "Talks in Geneva", content: .html(shared + "<p>Delegates left Friday.</p>"))
        #expect(a.fingerprint != b.fingerprint)
    }

    @Test("The same body under a different headline is a different story")
    func differentHeadline() {
        let body = ["One paragraph."]
        #expect(ContentFingerprint(title: "First", body: body) != ContentFingerprint(title: "Second", body: body))
    }

    @Test("Fingerprints are stable values that can be stored")
    func stable() {
        #expect(ContentFingerprint(title: "x", body: ["y"]).value == ContentFingerprint(title: "X", body: ["<b>y</b>"]).value)
    }
}
