import Foundation

/// Turns one input text into a story: headline, dateline, sections and quotes.
///
/// The first section is the lede (dateline lifted out); body paragraphs follow, grouped under explicit headings
/// (Markdown `##`, stand-alone ALL-CAPS lines, stand-alone `Heading:` lines); transcript paragraphs opening with
/// a speaker label (`MR PRICE:`) become one `.turn` section per speaker turn when the text has at least two
/// labels (each turn's `speaker` the person behind the label); bylines and `Reporting by …` lines, wherever they
/// stand, make one `.credits` section at the end; aggregator boilerplate is dropped (`Boilerplate`).
/// Text is stored as written, apart from trimming and collapsing spaces: hostile characters survive here and
/// are neutralised when shown (`TerminalText`). Runs in time linear in the input.
public enum ArticleParser {
    /// The sectioning the parser gives, kept per stored story (`sectioning_version`): raised when a change to the
    /// parser should reach stories already in a cache (BriefLibrary `Resectioner` sections them again).
    /// 1: quote speakers linked with descriptions and translations, turn speakers, dateline days.
    public static let version = 1

    /// Splits text into headline, dateline, sections and quotes. Never fails: odd text still gives a story
    /// (headline = first non-empty line, trimmed; at worst everything is one body section).
    ///
    /// `reference` is the day the story arrived (feed or import date): it gives the year of a dateline date written
    /// without one. Without it, front matter `date:` is the reference; without either, such a date has no `day`.
    public static func parse(_ text: String, format: SourceFormat, reference: Date? = nil) -> ParsedArticle {
        let lines = ParagraphText.lines(text)
        let (frontMatter, body) = FrontMatter.split(lines)
        let title = frontMatter?.title
        let (headline, blocks) = switch format {
        case .article: ArticleBlockReader.read(body, titleOverride: title)
        case .markdown: MarkdownBlockReader.read(body, titleOverride: title)
        }
        let items = classify(blocks)
        let referenceDay = (reference ?? frontMatter?.published).map(CalendarDay.init)
        var (sections, dateline) = assemble(items, reference: referenceDay)
        sections = sections.filter { !$0.paragraphs.isEmpty || $0.title != nil }
        let quotes = attribute(&sections)
        let story = Story(title: headline, dateline: dateline, sections: sections, quotes: quotes)
        return ParsedArticle(story: story, published: frontMatter?.published, source: frontMatter?.source)
    }

    private enum Item {
        case heading(String)
        case paragraph(String)
        case turn(SpeakerLabel)
        case credits(String)
    }

    private static func classify(_ blocks: [SourceBlock]) -> [Item] {
        let kept = blocks.filter { $0.kind == .heading || !Boilerplate.matches($0.text) }
        let labels = kept.lazy.filter { $0.kind == .paragraph && SpeakerLabel.parse($0.text) != nil }.prefix(2).count
        let isTranscript = labels >= 2
        var items: [Item] = []
        items.reserveCapacity(kept.count)
        for (index, block) in kept.enumerated() {
            if block.kind == .heading {
                items.append(.heading(block.text))
                continue
            }
            let text = block.text
            if isTranscript, let label = SpeakerLabel.parse(text) {
                items.append(.turn(label))
            } else if CreditsLine.matches(text) {
                items.append(.credits(text))
            } else if block.standsAlone, let title = HeadingLine.allCapsTitle(text) {
                items.append(.heading(title))
            } else if block.standsAlone,
                      let title = HeadingLine.colonTitle(text, nextParagraph: index + 1 < kept.count ? kept[index + 1].text : nil) {
                items.append(.heading(title))
            } else {
                items.append(.paragraph(text))
            }
        }
        return items
    }

    private static func assemble(_ items: [Item], reference: CalendarDay?) -> ([Section], Dateline?) {
        var sections: [Section] = []
        var credits: [Paragraph] = []
        var current: Section?
        var dateline: Dateline?
        var ledeOpen = true // until a lede is written or any structure (heading, turn, body) appears
        func close() {
            if let section = current { sections.append(section) }
            current = nil
        }
        for item in items {
            switch item {
            case .heading(let title):
                close()
                ledeOpen = false
                current = Section(kind: .body, title: title, paragraphs: [])
            case .turn(let label):
                close()
                ledeOpen = false
                current = Section(kind: .turn, title: label.name,
                                  paragraphs: label.rest.isEmpty ? [] : [Paragraph(text: label.rest)])
            case .credits(let text):
                // A byline above the lede leaves the lede open; credits all go to one section at the end.
                credits.append(Paragraph(text: text))
            case .paragraph(var text):
                if ledeOpen, current == nil {
                    if dateline == nil, let (found, rest) = DatelineReader.read(text, reference: reference) {
                        dateline = found
                        // A dateline on its own line: the next paragraph is the lede.
                        if rest.isEmpty { continue }
                        text = rest
                    }
                    sections.append(Section(kind: .lede, paragraphs: [Paragraph(text: text)]))
                    ledeOpen = false
                    continue
                }
                ledeOpen = false
                if current == nil { current = Section(kind: .body, paragraphs: []) }
                current?.paragraphs.append(Paragraph(text: text))
            }
        }
        close()
        if !credits.isEmpty { sections.append(Section(kind: .credits, paragraphs: credits)) }
        return (sections, dateline)
    }

    /// The story's quotes with their speakers, and each turn's `speaker`. Credits are never searched. A story
    /// without a quotation mark or a turn is skipped after a byte scan.
    private static func attribute(_ sections: inout [Section]) -> [Quote] {
        let hasTurns = sections.contains { $0.kind == .turn }
        guard hasTurns || sections.contains(where: { $0.kind != .credits && $0.paragraphs.contains { QuoteFinder.mayContainQuote($0.text) } })
        else { return [] }
        var finder = QuoteFinder()
        var index = 0
        var turns: [(section: Int, speaker: Speaker, paragraph: Int)] = []
        for s in sections.indices {
            let section = sections[s]
            guard section.kind != .credits else {
                index += section.paragraphs.count
                continue
            }
            var turnSpeaker: Speaker?
            if section.kind == .turn, let title = section.title, let label = SpeakerLabel.parse(title + ":") {
                turnSpeaker = finder.turnSpeaker(label, paragraph: index)
                if let speaker = turnSpeaker { turns.append((s, speaker, index)) }
            }
            for paragraph in section.paragraphs {
                finder.add(paragraph: paragraph.text, index: index, turnSpeaker: turnSpeaker)
                index += 1
            }
        }
        for turn in turns {
            sections[turn.section].speaker = turn.speaker.name.map {
                finder.fullName($0, at: StoryPeople.Position(paragraph: turn.paragraph, offset: 0))
            }
        }
        return finder.quotes()
    }
}
