import BriefLayout
import BriefTagger

/// The reader's styles by role, for one colour mode. Every role stays distinguishable in monochrome
/// through attributes, so colour only ever adds to what bold, underline and reverse already say.
public struct Theme: Hashable, Sendable {
    public var mode: ColorMode
    public var titleBar: CellStyle
    public var statusBar: CellStyle
    public var selection: CellStyle
    public var unreadMarker: CellStyle
    /// The `★` of a starred story.
    public var starMarker: CellStyle
    public var unreadTitle: CellStyle
    public var readTitle: CellStyle
    public var date: CellStyle
    public var source: CellStyle
    public var topEntities: CellStyle
    public var headline: CellStyle
    public var dateline: CellStyle
    public var sectionHeading: CellStyle
    public var speaker: CellStyle
    public var credits: CellStyle
    public var quote: CellStyle
    public var quoteSpeaker: CellStyle
    public var focus: CellStyle
    public var helpKey: CellStyle
    /// A match of the in-story search, and the current one.
    public var match: CellStyle
    public var currentMatch: CellStyle
    private var entityStyles: [EntityType: CellStyle]

    /// The style of a mention of an entity of `type`.
    public func entity(_ type: EntityType) -> CellStyle { entityStyles[type] ?? .plain }

    /// The look of a semantic style: its role's, with the entity type's colours and attributes added for a
    /// mention.
    public func style(_ style: TextStyle) -> CellStyle {
        let base: CellStyle = switch style.role {
        case .plain: .plain
        case .headline: headline
        case .dateline: dateline
        case .sectionHeading: sectionHeading
        case .speaker: speaker
        case .credits: credits
        case .quote: quote
        case .quoteSpeaker: quoteSpeaker
        case .note: topEntities
        }
        guard let type = style.entity else { return base }
        return base.merged(with: entity(type))
    }

    /// Colours mentions of `type` with `color` (from the config). Monochrome ignores colours; the type's
    /// attributes stay, so types remain distinguishable.
    public mutating func setEntityColor(_ type: EntityType, _ color: TerminalColor) {
        guard mode != .monochrome else { return }
        var style = entityStyles[type] ?? .plain
        style.foreground = color
        entityStyles[type] = style
    }

    public init(mode: ColorMode) {
        self.mode = mode
        titleBar = CellStyle(bold: true, reverse: true)
        statusBar = CellStyle(reverse: true)
        selection = CellStyle(reverse: true)
        unreadTitle = CellStyle(bold: true)
        readTitle = .plain
        topEntities = CellStyle(dim: true)
        headline = CellStyle(bold: true)
        sectionHeading = CellStyle(bold: true, underline: true)
        credits = CellStyle(dim: true)
        quote = .plain
        focus = CellStyle(reverse: true)
        match = mode == .monochrome ? CellStyle(underline: true, reverse: true)
                                    : CellStyle(foreground: .basic(0), background: .basic(3))
        currentMatch = mode == .monochrome ? CellStyle(bold: true, underline: true, reverse: true)
                                           : CellStyle(foreground: .basic(0), background: .basic(2), bold: true)
        switch mode {
        case .monochrome:
            unreadMarker = CellStyle(bold: true)
            starMarker = CellStyle(bold: true)
            date = .plain
            source = CellStyle(dim: true)
            dateline = CellStyle(dim: true)
            speaker = CellStyle(bold: true)
            quoteSpeaker = CellStyle(bold: true)
            helpKey = CellStyle(bold: true)
            entityStyles = [
                .person: CellStyle(bold: true),
                .organisation: CellStyle(underline: true),
                .place: CellStyle(bold: true, underline: true),
                .group: CellStyle(underline: true, dim: true),
            ]
        case .basic:
            unreadMarker = CellStyle(foreground: .basic(2), bold: true)
            starMarker = CellStyle(foreground: .basic(3), bold: true)
            date = CellStyle(foreground: .basic(6))
            source = CellStyle(foreground: .basic(4))
            dateline = CellStyle(foreground: .basic(6))
            speaker = CellStyle(foreground: .basic(3), bold: true)
            quoteSpeaker = CellStyle(foreground: .basic(3), bold: true)
            helpKey = CellStyle(foreground: .basic(3), bold: true)
            entityStyles = [
                .person: CellStyle(foreground: .basic(3), bold: true),
                .organisation: CellStyle(foreground: .basic(6)),
                .place: CellStyle(foreground: .basic(2)),
                .group: CellStyle(foreground: .basic(5)),
            ]
        case .palette256:
            unreadMarker = CellStyle(foreground: .palette(78), bold: true)
            starMarker = CellStyle(foreground: .palette(220), bold: true)
            date = CellStyle(foreground: .palette(109))
            source = CellStyle(foreground: .palette(67))
            dateline = CellStyle(foreground: .palette(109))
            speaker = CellStyle(foreground: .palette(215), bold: true)
            quoteSpeaker = CellStyle(foreground: .palette(215), bold: true)
            helpKey = CellStyle(foreground: .palette(215), bold: true)
            entityStyles = [
                .person: CellStyle(foreground: .palette(214), bold: true),
                .organisation: CellStyle(foreground: .palette(39)),
                .place: CellStyle(foreground: .palette(114)),
                .group: CellStyle(foreground: .palette(176)),
            ]
        }
    }
}
