import Foundation

/// Turns one input text into a story: headline, dateline, sections and quotes.
///
/// The first section is the lede (dateline lifted out); body paragraphs follow, grouped under explicit headings
/// (Markdown `##`, stand-alone ALL-CAPS lines, stand-alone `Heading:` lines); transcript paragraphs opening with
/// a speaker label (`MR PRICE:`) become one `.turn` section per speaker turn when the text has at least two
/// labels; `Reporting by …` lines become a `.credits` section; aggregator boilerplate is dropped (`Boilerplate`).
/// Text is stored as written, apart from trimming and collapsing spaces: hostile characters survive here and
/// are neutralised when shown (`TerminalText`). Runs in time linear in the input.
public enum ArticleParser {
    /// Splits text into headline, dateline, sections and quotes. Never fails: odd text still gives a story
    /// (headline = first non-empty line, trimmed; at worst everything is one body section).
    public static func parse(_ text: String, format: SourceFormat) -> ParsedArticle {
        let lines = ParagraphText.lines(text)
        let (frontMatter, body) = FrontMatter.split(lines)
        let title = frontMatter?.title
        let (headline, blocks) = switch format {
        case .article: ArticleBlockReader.read(body, titleOverride: title)
        case .markdown: MarkdownBlockReader.read(body, titleOverride: title)
        }
        let items = classify(blocks)
        var (sections, dateline) = assemble(items)
        sections = sections.filter { !$0.paragraphs.isEmpty || $0.title != nil }
        let quotes = collectQuotes(sections)
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

    private static func assemble(_ items: [Item]) -> ([Section], Dateline?) {
        var sections: [Section] = []
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
                if current?.kind != .credits {
                    close()
                    current = Section(kind: .credits, paragraphs: [])
                }
                current?.paragraphs.append(Paragraph(text: text))
            case .paragraph(var text):
                if ledeOpen, current == nil {
                    if dateline == nil, let (found, rest) = DatelineReader.read(text) {
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
                if current == nil || current?.kind == .credits {
                    close()
                    current = Section(kind: .body, paragraphs: [])
                }
                current?.paragraphs.append(Paragraph(text: text))
            }
        }
        close()
        return (sections, dateline)
    }

    private static func collectQuotes(_ sections: [Section]) -> [Quote] {
        var finder = QuoteFinder()
        var quotes: [Quote] = []
        for section in sections where section.kind != .credits {
            let turnSpeaker = section.kind == .turn ? section.title : nil
            for paragraph in section.paragraphs {
                quotes.append(contentsOf: finder.quotes(in: paragraph.text, turnSpeaker: turnSpeaker))
            }
        }
        return quotes
    }
}
