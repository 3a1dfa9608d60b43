/// A change of a story's marks, as the store writes it and as sync sends it: always an explicit state, never a
/// toggle, so applying one twice is the same as applying it once.
public enum StoryMark: String, Codable, Hashable, Sendable, CaseIterable {
    case read, unread, star, unstar

    /// The mark that takes this one back.
    public var opposite: StoryMark {
        switch self {
        case .read: .unread
        case .unread: .read
        case .star: .unstar
        case .unstar: .star
        }
    }
}
