import BriefTagger

/// Fills a sectioned story's paragraph mentions and linked entities using the tagger.
///
/// The headline is tagged with the paragraphs as document context (a name in the headline helps tag the
/// same name in the text), but mentions are stored per paragraph only, so an entity's `mentions` counts
/// its paragraph mentions and an entity named only in the headline is left out. A headline in title case
/// (`Russia Warns West Over Grain Deal`) is left out of the context: its capitals say nothing about names.
public struct StoryAnnotator: Sendable {
    public let tagger: Tagger

    public init(tagger: Tagger) { self.tagger = tagger }

    /// The story with every paragraph's `mentions` and the story's `entities` filled.
    public func annotate(_ story: Story) -> Story {
        var story = story
        // The tagger reads the masked text: escape sequences and controls become spaces (same scalar
        // offsets), so a sequence's payload is never taken for a name and no mention splits a sequence.
        let texts = story.sections.flatMap { $0.paragraphs.map { TerminalText.masked($0.text) } }
        let headline = Self.isTitleCase(story.title) ? [] : [TerminalText.masked(story.title)]
        let result = tagger.tagDocument(headline + texts)
        var counts: [String: Int] = [:]
        // Aliases too come from paragraph mentions only: a form seen only in the headline is not one the
        // reader finds in the text.
        var forms: [String: Set<String>] = [:]
        var index = headline.count
        for s in story.sections.indices {
            for p in story.sections[s].paragraphs.indices {
                var mentions = index < result.mentions.count ? result.mentions[index] : []
                let original = story.sections[s].paragraphs[p].text
                if texts[index - headline.count] != original {
                    // A span may hold a masked control between two words: keep the paragraph's own text.
                    let scalars = Array(original.unicodeScalars)
                    for k in mentions.indices where mentions[k].start >= 0 && mentions[k].start <= mentions[k].end
                        && mentions[k].end <= scalars.count {
                        mentions[k].text = String(String.UnicodeScalarView(scalars[mentions[k].start..<mentions[k].end]))
                    }
                }
                story.sections[s].paragraphs[p].mentions = mentions
                for m in mentions {
                    counts[m.entity, default: 0] += 1
                    forms[m.entity, default: []].insert(m.text)
                }
                index += 1
            }
        }
        story.entities = result.entities.compactMap { entity in
            guard let n = counts[entity.key], n > 0 else { return nil }
            var entity = entity
            entity.mentions = n
            let seen = forms[entity.key] ?? []
            entity.aliases = entity.aliases.filter { seen.contains($0) }
            return entity
        }
        return story
    }

    /// Every word of four or more letters capitalised, and at least four such words.
    static func isTitleCase(_ text: String) -> Bool {
        var capitalised = 0
        for word in text.split(whereSeparator: { $0 == " " }) {
            let letters = word.unicodeScalars.filter { $0.properties.isAlphabetic }
            guard letters.count >= 4, let first = letters.first else { continue }
            if first.properties.isLowercase { return false }
            if letters.dropFirst().contains(where: { $0.properties.isLowercase }) { capitalised += 1 }
        }
        return capitalised >= 4
    }
}
