/// Keys bound to one operation, with the words the help screen shows for it.
public struct KeyBinding: Hashable, Sendable {
    public var keys: [Key]
    public var operation: ReaderOperation
    public var scope: KeyScope
    public var summary: String

    public init(_ keys: [Key], _ operation: ReaderOperation, _ scope: KeyScope, _ summary: String) {
        self.keys = keys
        self.operation = operation
        self.scope = scope
        self.summary = summary
    }
}
