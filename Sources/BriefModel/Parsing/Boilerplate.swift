import Foundation

/// Aggregator and publisher boilerplate dropped from the reading text. The one list of such lines.
///
/// It errs towards keeping text: a paragraph is dropped only when it is exactly one of the known lines, or a short
/// paragraph of a known call-to-action shape (`Sign up for our … newsletter`, `Click here to …`).
enum Boilerplate {
    /// Whole paragraphs, compared lower-cased with whitespace collapsed and a final period removed.
    static let exactLines: Set<String> = [
        "advertisement", "video", "read full article", "source: read full article", "read more",
        "continue reading", "skip advertisement", "story continues below advertisement",
        "article continues below advertisement", "scroll to continue with content", "share this article",
        "share", "related coverage", "listen to this article", "(end)", "our standards: the thomson reuters trust principles",
    ]

    /// Openings of short call-to-action paragraphs (at most `maxCallToActionWords` words).
    static let callToActionOpenings: [String] = [
        "click here to ", "click here for ", "subscribe to our ", "follow us on ", "download our app",
    ]

    /// `Sign up for …` is dropped only when it also names what one signs up to.
    static let signUpTargets: [String] = ["newsletter", "briefing", "email", "e-mail", "inbox", "alerts", "updates",
                                          "our ", "here", "free"]

    static let maxCallToActionWords = 40

    /// True when the paragraph is boilerplate to drop.
    /// First letters (lower-cased) of every entry above: a cheap test that rejects most paragraphs.
    static let initials: Set<UInt8> = Set("avrsclofd(".utf8)

    /// First words (lower-cased, final period off) of every entry above: a paragraph opening with any other word
    /// is kept without building its comparison key.
    static let firstWords: Set<String> = Set((exactLines.union(callToActionOpenings) + ["slideshow", "sign"]).map {
        String($0.split(separator: " ").first ?? "")
    })

    static func matches(_ paragraph: String) -> Bool {
        guard paragraph.utf8.count <= 400, let head = paragraph.utf8.first, initials.contains(head | 0x20),
              mayMatch(firstWord(paragraph)) else {
            return false
        }
        var key = ParagraphText.key(paragraph)
        if key.hasSuffix(".") { key.removeLast() }
        if exactLines.contains(key) { return true }
        if isSlideshow(key) { return true }
        guard ParagraphText.wordCount(key) <= maxCallToActionWords else { return false }
        if callToActionOpenings.contains(where: { key.hasPrefix($0) }) { return true }
        if key.hasPrefix("sign up for ") || key.hasPrefix("sign up to ") || key.hasPrefix("sign up here") {
            return signUpTargets.contains(where: { key.contains($0) })
        }
        return false
    }

    private static func mayMatch(_ word: String) -> Bool {
        firstWords.contains(word) || word.hasPrefix("slideshow")
    }

    /// The paragraph's first word as its comparison key begins: lower-cased, a final period off.
    private static func firstWord(_ paragraph: String) -> String {
        let word = paragraph.utf8.split(maxSplits: 1, omittingEmptySubsequences: true) {
            $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D
        }.first ?? []
        var lower = String(decoding: word, as: UTF8.self).lowercased()
        if lower.hasSuffix(".") { lower.removeLast() }
        return lower
    }

    /// `Slideshow ( 2 images )`, `Slideshow (1 image)`, or plain `Slideshow`.
    private static func isSlideshow(_ key: String) -> Bool {
        guard key.hasPrefix("slideshow") else { return false }
        let rest = key.dropFirst("slideshow".count).filter { $0 != " " }
        if rest.isEmpty { return true }
        guard rest.hasPrefix("("), rest.hasSuffix(")") else { return false }
        let inner = rest.dropFirst().dropLast()
        let digits = inner.prefix(while: \.isNumber)
        let word = inner.dropFirst(digits.count)
        return !digits.isEmpty && (word == "images" || word == "image")
    }
}
