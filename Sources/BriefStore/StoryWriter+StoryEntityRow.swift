extension StoryWriter {
    /// A story's entity row as `finish()` inserts it, with the transaction's others, in entity order.
    struct StoryEntityRow {
        let storyID: Int64
        let key: String
        let position: Int
        /// '' when it is the entity's own name; the aliases '' when none ("v13 leaner cache").
        let name: String
        let aliases: String
        let mentions: Int
        let first: FirstMention?
    }
}
