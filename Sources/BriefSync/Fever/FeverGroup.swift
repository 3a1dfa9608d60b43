/// A group (folder) on a Fever server.
public struct FeverGroup: Sendable, Equatable {
    public var id: Int
    public var title: String
}
