/// The cache's sync account cannot be used as it is (no password kept, an unusable address).
public struct SyncSetupError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String

    public var description: String { message }
}
