/// The passwords file could not be read or written.
public struct AccountSecretsError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "passwords file \(path): \(reason)" }
}
