/// Keys bound to one operation, with the name config files use for it and the words the help screen shows.
public struct KeyBinding: Hashable, Sendable {
    /// The operation's name in `config.toml` (`[keys] open = ["o", "enter"]`).
    public var name: String
    public var keys: [Key]
    public var operation: ReaderOperation
    public var scope: KeyScope
    public var summary: String

    public init(_ name: String, _ keys: [Key], _ operation: ReaderOperation, _ scope: KeyScope, _ summary: String) {
        self.name = name
        self.keys = keys
        self.operation = operation
        self.scope = scope
        self.summary = summary
    }

    public init(_ keys: [Key], _ operation: ReaderOperation, _ scope: KeyScope, _ summary: String) {
        self.init("", keys, operation, scope, summary)
    }
}
