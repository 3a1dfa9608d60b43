import BriefTagger

/// Where a story first mentions an entity (its paragraph's place in reading order and the mention's scalar offsets
/// there), kept on the story's entity row so an entity page quotes it without reading the story's mentions.
struct FirstMention {
    let paragraph: Int
    let start: Int
    let end: Int

    /// Records, for each entity of `mentions` (paragraph `paragraph`'s, counting the story's paragraphs in reading
    /// order), this mention when it comes before the one recorded (by paragraph, then start).
    static func note(_ mentions: [Mention], paragraph: Int, in firsts: inout [String: FirstMention]) {
        for mention in mentions {
            if let seen = firsts[mention.entity], (seen.paragraph, seen.start) <= (paragraph, mention.start) { continue }
            firsts[mention.entity] = FirstMention(paragraph: paragraph, start: mention.start, end: mention.end)
        }
    }
}
