/// What a queued mark sets on a story: its read state or its star.
public enum MarkField: String, Hashable, Sendable, CaseIterable {
    case read
    case star
}
