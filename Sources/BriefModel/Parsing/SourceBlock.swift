/// One block of an input after line handling and before classification: an explicit heading (Markdown
/// `##`), or a paragraph of reading text. `standsAlone` says the paragraph was one line on its own, which is
/// what plain-text headings (`TALKS IN GENEVA`, `What comes next:`) and labels on their own line look like.
struct SourceBlock: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case heading
        case paragraph
    }

    var kind: Kind
    var text: String
    var standsAlone: Bool
}
