import BriefTagger

/// Fills a sectioned story's paragraph mentions and linked entities using the tagger, and links each quote's and
/// each turn's speaker to its entity.
///
/// The headline is tagged with the paragraphs as document context (a name in the headline helps tag the
/// same name in the text), but mentions are stored per paragraph only, so an entity's `mentions` counts
/// its paragraph mentions and an entity named only in the headline is left out. A headline in title case
/// (`Russia Warns West Over Grain Deal`) is left out of the context: its capitals say nothing about names.
///
/// Credits (`Reporting by …`, bylines) are tagged as a document of their own: the reporters they name are people,
/// but never the same person as a `Price` quoted in the story, and speakers never link to them.
public struct StoryAnnotator: Sendable {
    public let tagger: Tagger

    /// The annotation a story stored now carries (`Story.annotationVersion`). Raise it when the model, the
    /// knowledge base or the linking changes what a story's entities would be: the cache then re-tags every story
    /// stored with an older one (`brief reannotate`). 1: canonical entities; 2: names end at their last capitalised
    /// word, acronyms link only to what the knowledge base says they abbreviate, New Delhi is not Delhi; 3: model
    /// retrained on the knowledge base with counties and districts, numbered units whole, a town and its state apart;
    /// 4: quoted titles of works and named battles, sieges, wars and treaties are whole MISC names; 5: so are
    /// elections titled with their year.
    public static let version = 5

    public init(tagger: Tagger) { self.tagger = tagger }

    /// The story with every paragraph's `mentions`, the story's `entities`, and the quotes' and turns'
    /// `speakerEntity` filled.
    public func annotate(_ story: Story) -> Story {
        var story = story
        story.annotationVersion = Self.version
        // The tagger reads the masked text: escape sequences and controls become spaces (same scalar
        // offsets), so a sequence's payload is never taken for a name and no mention splits a sequence.
        let headline = Self.isTitleCase(story.title) ? [] : [TerminalText.masked(story.title)]
        // Per entity key (numbered in order of first mention): its mention count, and the forms its mentions take.
        // Aliases too come from paragraph mentions only: a form seen only in the headline is not one the reader finds
        // in the text. An entity has a few forms, so they are kept in lists: comparing is cheaper than hashing.
        var slots: [String: Int] = [:]
        var counts: [Int] = []
        var forms: [[String]] = []
        var speakerForms: [[String]?] = []   // forms of entities outside the credits
        var entities: [Entity] = []
        for credits in [false, true] {
            let sectionIndices = story.sections.indices.filter { (story.sections[$0].kind == .credits) == credits }
            let texts = sectionIndices.flatMap { s in story.sections[s].paragraphs.map { TerminalText.masked($0.text) } }
            guard !texts.isEmpty else { continue }
            let context = credits ? [] : headline
            let result = tagger.tagDocument(context + texts)
            slots.reserveCapacity(slots.count + result.entities.count)
            var index = context.count
            for s in sectionIndices {
                for p in story.sections[s].paragraphs.indices {
                    var mentions = index < result.mentions.count ? result.mentions[index] : []
                    let original = story.sections[s].paragraphs[p].text
                    if texts[index - context.count] != original {
                        // A span may hold a masked control between two words: keep the paragraph's own text.
                        let scalars = Array(original.unicodeScalars)
                        for k in mentions.indices where mentions[k].start >= 0 && mentions[k].start <= mentions[k].end
                            && mentions[k].end <= scalars.count {
                            mentions[k].text = String(String.UnicodeScalarView(scalars[mentions[k].start..<mentions[k].end]))
                        }
                    }
                    story.sections[s].paragraphs[p].mentions = mentions
                    for m in mentions {
                        let slot = slots[m.entity] ?? {
                            slots[m.entity] = counts.count
                            counts.append(0)
                            forms.append([])
                            speakerForms.append(nil)
                            return counts.count - 1
                        }()
                        counts[slot] += 1
                        if !forms[slot].contains(m.text) { forms[slot].append(m.text) }
                        if !credits {
                            if speakerForms[slot] == nil { speakerForms[slot] = [] }
                            if speakerForms[slot]?.contains(m.text) == false { speakerForms[slot]?.append(m.text) }
                        }
                    }
                    index += 1
                }
            }
            // One document's entities have distinct keys; the credits' may repeat the text's.
            if entities.isEmpty {
                entities = result.entities
            } else {
                let listed = Set(entities.map(\.key))
                entities += result.entities.filter { !listed.contains($0.key) }
            }
        }
        story.entities = entities.compactMap { entity in
            guard let slot = slots[entity.key], counts[slot] > 0 else { return nil }
            var entity = entity
            entity.mentions = counts[slot]
            entity.aliases = entity.aliases.filter { forms[slot].contains($0) }
            return entity
        }
        // Built only for a story with a speaker to link (most have none).
        let hasSpeakers = story.quotes.contains { $0.speaker != nil }
            || story.sections.contains { $0.kind == .turn && $0.speaker != nil }
        var speakerFormSets: [String: Set<String>] = [:]
        if hasSpeakers {
            for (key, slot) in slots { if let forms = speakerForms[slot] { speakerFormSets[key] = Set(forms) } }
        }
        let speakers = hasSpeakers
            ? SpeakerLinks(entities: story.entities.filter { speakerFormSets[$0.key] != nil }, forms: speakerFormSets)
            : SpeakerLinks(entities: [], forms: [:])
        for q in story.quotes.indices {
            guard let name = story.quotes[q].speaker, let entity = speakers.entity(named: name) else {
                story.quotes[q].speakerEntity = nil
                continue
            }
            story.quotes[q].speakerEntity = entity.key
            story.quotes[q].speaker = speakers.fullForm(of: name, entity: entity)
        }
        for s in story.sections.indices where story.sections[s].kind == .turn {
            guard let name = story.sections[s].speaker, let entity = speakers.entity(named: name) else {
                story.sections[s].speakerEntity = nil
                continue
            }
            story.sections[s].speakerEntity = entity.key
            story.sections[s].speaker = speakers.fullForm(of: name, entity: entity)
        }
        return story
    }

    /// Every word of four or more letters capitalised, and at least four such words. Words are split at spaces, the
    /// text read once, scalar by scalar (no substring or array per word).
    static func isTitleCase(_ text: String) -> Bool {
        var capitalised = 0
        var letters = 0, firstIsLower = false, lowerAfterFirst = false
        /// Counts the word just read; false when it settles that the text is not in title case.
        func endWord() -> Bool {
            defer { letters = 0; firstIsLower = false; lowerAfterFirst = false }
            guard letters >= 4 else { return true }
            if firstIsLower { return false }
            if lowerAfterFirst { capitalised += 1 }
            return true
        }
        for scalar in text.unicodeScalars {
            if scalar == " " {
                guard endWord() else { return false }
                continue
            }
            // ASCII by its ranges; Unicode's property tables (slow to query) only for the rest.
            let lower: Bool
            if scalar.isASCII {
                lower = scalar.value >= 0x61 && scalar.value <= 0x7A
                guard lower || (scalar.value >= 0x41 && scalar.value <= 0x5A) else { continue }
            } else {
                guard scalar.properties.isAlphabetic else { continue }
                lower = scalar.properties.isLowercase
            }
            if letters == 0 { firstIsLower = lower } else if lower { lowerAfterFirst = true }
            letters += 1
        }
        return endWord() && capitalised >= 4
    }
}
