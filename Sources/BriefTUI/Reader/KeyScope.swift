/// Where a key binding applies, which is how the help screen groups it.
public enum KeyScope: String, Hashable, Sendable, CaseIterable {
    case everywhere = "Everywhere"
    case reading = "Story list and story"
    case list = "Story list"
    case story = "Story"
    case entities = "Entity page and index"
}
