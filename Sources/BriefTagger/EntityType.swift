/// The four CoNLL-2003 entity types. Machine-readable output always uses the raw codes;
/// only the screen uses `displayName`.
public enum EntityType: String, Codable, CaseIterable, Sendable, Hashable {
    case person = "PER"
    case organisation = "ORG"
    case place = "LOC"
    case group = "MISC"

    /// How the reader names the type on screen.
    public var displayName: String {
        switch self {
        case .person: "Person"
        case .organisation: "Organisation"
        case .place: "Place"
        case .group: "Group"
        }
    }
}
