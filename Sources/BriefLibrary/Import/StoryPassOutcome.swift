/// What a pass over stored stories (`Reannotator`, `Resectioner`) did: how many stories it updated, and which it
/// could not read because their text in the cache is damaged (left as they were, still pending).
public struct StoryPassOutcome: Equatable, Sendable {
    public var updated: Int
    public var damaged: [Int64]

    public init(updated: Int = 0, damaged: [Int64] = []) {
        self.updated = updated
        self.damaged = damaged
    }
}
