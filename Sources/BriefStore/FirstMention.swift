/// Where a story first mentions an entity (its paragraph's place in reading order and the mention's scalar offsets
/// there), kept on the story's entity row so an entity page quotes it without reading the story's mentions.
struct FirstMention: Sendable {
    let paragraph: Int
    let start: Int
    let end: Int
}
