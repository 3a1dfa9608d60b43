import BriefTagger

/// What the tokeniser and tagger promise: tokens and mentions inside their text, in order, with offsets in
/// Unicode scalars that agree with the byte offsets and the text they name.
enum TaggerCheck {
    static func check(tokens text: TokenizedText, of source: String) {
        Invariant.require(text.bytes == Array(source.utf8), "tokenised bytes differ from the text")
        var byteOffset: [Int] = [0]
        for scalar in source.unicodeScalars { byteOffset.append(byteOffset[byteOffset.count - 1] + UTF8.width(scalar)) }
        let scalarCount = byteOffset.count - 1
        var previousEnd = 0
        for (i, token) in text.tokens.enumerated() {
            Invariant.require(token.scalarStart >= previousEnd && token.scalarStart < token.scalarEnd
                              && token.scalarEnd <= scalarCount,
                              "token \(i) spans scalars \(token.scalarStart)..<\(token.scalarEnd) after \(previousEnd) of \(scalarCount)")
            Invariant.require(token.byteStart == byteOffset[token.scalarStart] && token.byteEnd == byteOffset[token.scalarEnd],
                              "token \(i) byte offsets \(token.byteStart)..<\(token.byteEnd) disagree with its scalars")
            previousEnd = token.scalarEnd
        }
        var next = 0
        for sentence in text.sentences {
            Invariant.require(sentence.lowerBound == next && !sentence.isEmpty,
                              "sentence \(sentence) does not follow token \(next) or is empty")
            next = sentence.upperBound
        }
        Invariant.require(next == text.tokens.count, "sentences cover \(next) of \(text.tokens.count) tokens")
    }

    static func check(mentions: [[Mention]], entities: [Entity], of paragraphs: [String]) {
        Invariant.require(mentions.count == paragraphs.count,
                          "\(mentions.count) mention lists for \(paragraphs.count) paragraphs")
        let keys = Set(entities.map(\.key))
        Invariant.require(keys.count == entities.count, "entity keys are not unique")
        for (paragraph, list) in zip(paragraphs, mentions) {
            let scalars = Array(paragraph.unicodeScalars)
            var previousEnd = 0
            for mention in list {
                Invariant.require(mention.start >= previousEnd && mention.start < mention.end && mention.end <= scalars.count,
                                  "mention \(mention.start)..<\(mention.end) after \(previousEnd) of \(scalars.count) scalars")
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[mention.start..<mention.end])
                Invariant.require(String(view) == mention.text,
                                  "mention text \(mention.text.debugDescription) is not its span \(String(view).debugDescription)")
                Invariant.require(keys.contains(mention.entity), "mention links to unknown entity \(mention.entity)")
                previousEnd = mention.end
            }
        }
    }
}
