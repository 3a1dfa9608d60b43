/// One file that could not be imported, and why, e.g. `notes/a.txt: invalid UTF-8 at byte 812`.
public struct ImportFailure: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
