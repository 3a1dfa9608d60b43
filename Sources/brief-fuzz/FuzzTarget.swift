import BriefModel
import BriefTagger
import Foundation

/// The code under fuzz, chosen with `BRIEF_FUZZ_TARGET`. `rss`, `atom` and `jsonfeed` run the same feed parser;
/// they differ by the dictionary and seeds `scripts/fuzz` gives them, which steer the fuzzer into one format.
enum FuzzTarget: String, CaseIterable {
    /// Input bytes to text (`SourceText.decode`) and text to the screen (`TerminalText.sanitize`).
    case text
    /// The sectioner on plain-text articles (`ArticleParser`, `.article`).
    case article
    /// The sectioner on Markdown (`ArticleParser`, `.markdown`).
    case markdown
    /// The tokeniser, and the tagger and linker when the model is found (`TaggerModel`).
    case tagger
    case rss
    case atom
    case jsonfeed
    /// Atom 0.3 and Atom without its namespace (its seeds and dictionary), through the same feed parser.
    case atom03
    /// Encoding detection: the first byte picks a transport charset (or none), the rest is the body.
    case encoding
    /// The recovery path for malformed XML: the input, and its first half (a feed cut short), both parsed.
    case recovery
    /// OPML subscription lists, read and written back.
    case opml
    /// HTML to text blocks (`HTMLText`), and an item with that HTML through the sectioner.
    case html

    /// The target named by `BRIEF_FUZZ_TARGET`; a missing or unknown name ends the process with the list.
    static let selected: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["BRIEF_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            let names = allCases.map(\.rawValue).joined(separator: "|")
            FuzzLog.say("set BRIEF_FUZZ_TARGET to one of \(names) (got \(name.debugDescription))")
            exit(2)
        }
        if target == .tagger { _ = TaggerModel.shared }
        return target
    }()

    private static let feedURL = URL(string: "https://news.example.org/feeds/briefings.xml")

    /// Runs the target on one input; returns a few words on what came out (for the replayer's `-v`).
    @discardableResult
    func run(_ data: Data) -> String {
        switch self {
        case .text: return Self.runText(data)
        case .article: return Self.runSectioner(data, format: .article)
        case .markdown: return Self.runSectioner(data, format: .markdown)
        case .tagger: return Self.runTagger(String(decoding: data, as: UTF8.self))
        case .rss, .atom, .jsonfeed, .atom03:
            return Self.runFeed(data, charset: nil)
        case .encoding:
            let charsets = [nil, "utf-8", "windows-1252", "iso-8859-1", "koi8-r", "windows-1251", "utf-16", "shift_jis",
                            "x-bogus"]
            let charset = data.first.map { charsets[Int($0) % charsets.count] } ?? nil
            return Self.runFeed(data.dropFirst(), charset: charset)
        case .recovery:
            let whole = Self.runFeed(data, charset: nil)
            let half = Self.runFeed(data.prefix(data.count / 2), charset: nil)
            return "\(whole); first half: \(half)"
        case .opml:
            do throws(FeedParseError) {
                let list = try OPMLDocument.parse(data)
                FeedCheck.checkRoundTrip(list)
                return "OPML with \(list.feeds.count) feeds"
            } catch {
                Invariant.oneLine(error.description, "OPML")
                return "refused: \(error)"
            }
        case .html: return Self.runHTML(String(decoding: data, as: UTF8.self))
        }
    }

    /// The feed parser on `data`, its result checked (`FeedCheck`), or its refusal checked to be one line.
    private static func runFeed(_ data: Data, charset: String?) -> String {
        do throws(FeedParseError) {
            let feed = try FeedParser.parse(Data(data), url: Self.feedURL, charset: charset)
            FeedCheck.check(feed)
            return "\(feed.kind.rawValue) feed with \(feed.items.count) items" + (feed.notes.isEmpty ? "" : " (\(feed.notes.joined(separator: "; ")))")
        } catch {
            Invariant.oneLine(error.description, "feed")
            return "refused: \(error)"
        }
    }

    private static func runSectioner(_ data: Data, format: SourceFormat) -> String {
        let story = ArticleParser.parse(text(data), format: format).story
        StoryCheck.check(story)
        return "story with \(story.sections.count) sections, \(story.quotes.count) quotes"
    }

    /// The text import would parse: decoded when `SourceText` accepts the bytes, else repaired UTF-8 (the parser
    /// promises a story for any string, so refused bytes still exercise it).
    private static func text(_ data: Data) -> String {
        (try? SourceText.decode(data)) ?? String(decoding: data, as: UTF8.self)
    }

    private static func runText(_ data: Data) -> String {
        var outcome = ""
        do throws(SourceTextError) {
            let decoded = try SourceText.decode(data)
            Invariant.require(!decoded.utf8.contains(0x0D), "carriage return left after decoding")
            Invariant.require(decoded.utf8.count <= data.count, "decoding grew the text")
            TerminalTextCheck.check(decoded)
            outcome = "text of \(decoded.unicodeScalars.count) scalars"
        } catch {
            Invariant.oneLine(error.description, "source text")
            outcome = "refused: \(error)"
        }
        TerminalTextCheck.check(String(decoding: data, as: UTF8.self))
        return outcome
    }

    private static func runTagger(_ text: String) -> String {
        let paragraphs = text.components(separatedBy: "\n\n")
        let tokenizer = TaggerModel.shared?.tokenizer ?? Tokenizer()
        for paragraph in paragraphs { TaggerCheck.check(tokens: tokenizer.tokenize(paragraph), of: paragraph) }
        guard let tagger = TaggerModel.shared else { return "\(paragraphs.count) paragraphs tokenised" }
        let (mentions, entities) = tagger.tagDocument(paragraphs)
        TaggerCheck.check(mentions: mentions, entities: entities, of: paragraphs)
        return "\(mentions.joined().count) mentions of \(entities.count) entities"
    }

    private static func runHTML(_ html: String) -> String {
        let blocks = HTMLText.blocks(html)
        FeedCheck.check(blocks)
        let inline = HTMLText.inlineText(html)
        Invariant.require(!inline.contains("\n"), "inline text spans lines: \(inline.debugDescription)")
        FeedCheck.check(FeedContent.text(html).blocks)
        let item = FeedItem(id: "fuzz", link: "https://news.example.org/a", title: inline, content: .html(html))
        StoryCheck.check(ArticleParser.parse(item.articleText, format: .article).story)
        return "\(blocks.count) blocks"
    }
}
