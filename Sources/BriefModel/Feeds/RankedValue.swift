/// A field that several elements can fill (an item's title from `title`, `dc:title` or `media:title`): the value
/// from the most preferred element wins whatever order the elements come in. Rank 0 is the most preferred.
struct RankedValue<Value> {
    private(set) var value: Value?
    private var rank = Int.max

    /// Keeps `candidate` when there is one and it outranks what is held.
    mutating func offer(_ candidate: Value?, rank: Int) {
        guard let candidate, rank < self.rank else { return }
        value = candidate
        self.rank = rank
    }
}
