import BriefTagger

/// Where a story first mentions an entity (its paragraph's id and the mention's scalar offsets there), kept on the
/// story's entity row so an entity page quotes it without reading the story's mentions.
struct FirstMention {
    let paragraphID: Int64
    let start: Int
    let end: Int

    /// Records, for each entity of `mentions` (paragraph `paragraphID`'s), this mention when it comes before the one
    /// recorded (by paragraph id, then start: the order the entity page read mention rows in).
    static func note(_ mentions: [Mention], paragraphID: Int64, in firsts: inout [String: FirstMention]) {
        for mention in mentions {
            if let seen = firsts[mention.entity], (seen.paragraphID, seen.start) <= (paragraphID, mention.start) { continue }
            firsts[mention.entity] = FirstMention(paragraphID: paragraphID, start: mention.start, end: mention.end)
        }
    }
}
