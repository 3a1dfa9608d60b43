extension StoryWriter {
    /// A story's entity row as `finish()` inserts it, with the transaction's others, in entity order.
    struct StoryEntityRow {
        let storyID: Int64
        /// Its entity's place in the writer's `entityRows`.
        let slot: Int
        let position: Int
        /// '' when it is the entity's own name; the aliases '' when none ("v13 leaner cache").
        let name: String
        let aliases: String
        let mentions: Int
        let first: FirstMention?
    }
}
