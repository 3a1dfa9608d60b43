/// The one-line text prompt at the bottom of the screen (`/`): what it is for and what has been typed.
public struct Prompt: Hashable, Sendable {
    public var purpose: PromptPurpose
    public var text: String

    public init(_ purpose: PromptPurpose, text: String = "") {
        self.purpose = purpose
        self.text = text
    }

    /// The words before the typed text.
    var label: String {
        switch purpose {
        case .library: "Search all stories: "
        case .story: "Search this story: "
        case .entityName: "Filter names: "
        case .entityStories: "Filter stories: "
        }
    }
}
