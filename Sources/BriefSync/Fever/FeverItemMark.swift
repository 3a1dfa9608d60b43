/// The states the Fever API sets on an item (`mark=item&as=…`).
public enum FeverItemMark: String, Sendable {
    case read
    case unread
    case saved
    case unsaved
}
