import BriefLibrary
import BriefModel
import BriefStore

extension EntityLookup {
    /// The one entity `name` means (`find`), or the command's error: none matches, or several do (listed).
    static func entity(_ name: String, in store: Store, command: String) throws -> EntitySummary {
        func clean(_ text: String) -> String { TerminalText.sanitize(text, keepNewlines: false) }
        switch find(name, in: try store.entities()) {
        case let .found(found): return found
        case .none:
            throw CommandFailure(message: "\(command): no entity matches \"\(clean(name))\" (see `brief entities`)")
        case let .ambiguous(candidates):
            let shown = candidates.prefix(8).map { "\(clean($0.name)) (\(clean($0.key)))" }.joined(separator: ", ")
            let more = candidates.count > 8 ? ", and \(candidates.count - 8) more" : ""
            throw CommandFailure(message: "\(command): \"\(clean(name))\" matches \(candidates.count) entities: "
                                 + shown + more + "; give the key or more of the name")
        }
    }
}
