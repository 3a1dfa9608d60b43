/// The story's entity panel: which entity is selected and which panel line is at the top.
public struct EntityPanelState: Hashable, Sendable {
    /// `selected` indexes `EntityPanelLines.entities`; `top` is a panel line.
    public var cursor = Cursor()

    public init(selected: Int = 0) { cursor.selected = selected }
}
