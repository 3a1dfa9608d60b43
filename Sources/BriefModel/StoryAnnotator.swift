import BriefTagger

/// Fills a sectioned story's paragraph mentions and linked entities using the tagger.
/// SCAFFOLD: the tagger helper owns this file.
public struct StoryAnnotator: Sendable {
    public let tagger: Tagger

    public init(tagger: Tagger) { self.tagger = tagger }

    public func annotate(_ story: Story) -> Story {
        var story = story
        let texts = story.sections.flatMap { $0.paragraphs.map(\.text) }
        let result = tagger.tagDocument(texts)
        var index = 0
        for s in story.sections.indices {
            for p in story.sections[s].paragraphs.indices {
                story.sections[s].paragraphs[p].mentions = result.mentions[index]
                index += 1
            }
        }
        story.entities = result.entities
        return story
    }
}
