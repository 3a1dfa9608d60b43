@testable import BriefStore
import Testing

/// The content hash is the key that makes re-importing a story a no-op: it must be SHA-256 exactly, as every cache
/// written so far holds it, at every length the padding treats differently. Expected digests are Python's
/// `hashlib.sha256` of the same UTF-8.
@Suite("Content hash")
struct ContentHashTests {
    @Test("SHA-256 of short texts, on both sides of every padding boundary", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (String(repeating: "a", count: 55), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (String(repeating: "a", count: 56), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (String(repeating: "a", count: 63), "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
        (String(repeating: "a", count: 64), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        (String(repeating: "a", count: 65), "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
        (String(repeating: "a", count: 119), "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
        (String(repeating: "a", count: 120), "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
        (String(repeating: "a", count: 128), "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e"),
        ("GENEVA, 3 March (Brief) — Foreign ministers of the Sahel states met on Monday.",
         "91c52da497a3e7b469effff6224ac074573930adde0dc92daf4b28f669efe701"),
        ("Çà et là — “quotes”, naïve café, Zürich, 北京, مرحبا",
         "80c6068f3ddaf8ee59ea424f3258487ba32bd72e94f4e399948163687e837684"),
    ])
    func shortTexts(text: String, expected: String) {
        #expect(ContentHash.of(text) == expected)
    }

    @Test("SHA-256 of a text of 1.3 MB, and of the same text cut from a longer one")
    func longText() {
        var text = ""
        for i in 0..<20_000 { text += "Minister Amara Okonkwo-Diallo said on \(i % 31 + 1) March: “We are here.” " }
        #expect(text.utf8.count == 1_334_190)
        let expected = "43902111e22180037cee5666d149c599b8b9d8339f886327a921478f643d4d2f"
        #expect(ContentHash.of(text) == expected)
        // A string that is a slice of a larger one, made contiguous by the hash.
        let wider = "xx" + text + "yy"
        let inner = String(wider.dropFirst(2).dropLast(2))
        #expect(ContentHash.of(inner) == expected)
    }
}
