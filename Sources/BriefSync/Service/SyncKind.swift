/// The protocols Brief syncs with.
public enum SyncKind: String, Sendable, CaseIterable {
    /// Tiny Tiny RSS's JSON API.
    case ttrss
    /// The Fever API.
    case fever
}
