import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads RSS 0.90–2.0, RSS 1.0 (RDF), Atom 1.0 and the Atom 0.3 draft (with or without their namespace) with
/// `XMLParser` (libxml2's SAX parser). Used once per document.
///
/// Structure: an item's fields are read only from its direct children in the family's own namespaces (or the
/// extension namespaces named below), so an image's `link` inside an item or a `media:title` never replaces the
/// item's own. Each field element's content is captured whole: child elements written directly inside it (an
/// RSS description holding raw `<p>` markup, Atom `xhtml` content, `xhtml:body`) are rebuilt as HTML rather than
/// lost. `xml:base` is honoured on every element, for links.
///
/// Safety: the input comes through `XMLSourceRewriter`, which drops the DOCTYPE, so the document declares no
/// entities: none can expand into markup, grow without bound or load a file (a reference to a dropped one reads as
/// literal text). External entities are also never resolved (`shouldResolveExternalEntities` stays false), and
/// should an expansion ever grow without bound, libxml2 stops it (error 89), reported as a parse error.
final class XMLFeedReader: NSObject, XMLParserDelegate {
    /// One open element outside captured content.
    private struct Frame {
        let name: String
        let namespace: String
        /// The base for relative links inside it (`xml:base` resolved against its parent's).
        let base: URL?
    }

    /// The fields an element can fill.
    private enum Field {
        case title(rank: Int)
        case link
        case guid(permaLink: Bool)
        case id(rank: Int)
        case content(rank: Int)
        case summary(rank: Int)
        case date(rank: Int)
        case author(rank: Int)
        case feedTitle(rank: Int)
        case feedLink
    }

    /// How a captured element's text is to be read.
    private enum Form {
        case html
        case text
        /// An Atom text construct: decided by its `type` (and, in Atom 0.3, `mode`) attributes.
        case atom
    }

    /// An element whose content is being collected.
    private struct Capture {
        let field: Field
        let form: Form
        let attributes: [String: String]
        let base: URL?
        var text = ""
        /// The content rebuilt as HTML once a child element has appeared (nil until then).
        var markup: String?
        /// Depth of open child elements inside the captured one.
        var depth = 0
    }

    /// Item fields as they are collected, before defaults are applied.
    private struct Draft {
        var id = RankedValue<String>()
        var about: String?
        var link = RankedValue<String>()
        var permaLink: String?
        var title = RankedValue<String>()
        var date = RankedValue<Date>()
        var author = RankedValue<String>()
        var content = RankedValue<FeedContent>()
        var summary = RankedValue<FeedContent>()
    }

    private let baseURL: URL?
    private(set) var kind: FeedKind?
    /// The namespace of an Atom document's core elements (1.0, 0.3 or none).
    private var atomNamespace = FeedNamespace.atom10
    private var isAtom03 = false
    private var feedTitle = RankedValue<String>()
    private var feedLink = RankedValue<String>()
    private var items: [FeedItem] = []
    /// Items begun, read or not.
    private(set) var itemsSeen = 0
    private var unreadable = 0
    private var draft: Draft?
    /// The stack depth of the open item's own frame.
    private var itemDepth = 0

    private var stack: [Frame] = []
    private var capture: Capture?

    private var firstError: (code: Int, line: Int)?
    private var undefinedEntity: String?

    init(baseURL: URL?) {
        self.baseURL = baseURL
    }

    /// Parses `data` (already run through `XMLSourceRewriter`).
    func read(_ data: Data) throws(FeedParseError) -> FeedDocument {
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = self
        let succeeded = parser.parse()
        if !succeeded || firstError != nil {
            let code = firstError?.code ?? (parser.parserError as NSError?)?.code ?? 0
            let line = firstError?.line ?? parser.lineNumber
            throw .xml(line: line, reason: reason(forCode: code))
        }
        guard let kind else { throw .notAFeed(found: "no rss, RDF or feed element") }
        if items.isEmpty && unreadable > 0 {
            throw .noReadableItems(found: unreadable, reason: "every item is empty (no title, link or text)")
        }
        return FeedDocument(title: feedTitle.value ?? "", link: feedLink.value, kind: kind,
                            items: FeedDocument.deduplicated(items), unreadableItems: unreadable)
    }

    private func reason(forCode code: Int) -> String {
        switch code {
        case 4: return "empty document"
        case 5: return "document ends early, or has content after its end"
        case 9: return "invalid character"
        case 26: return "undefined entity" + (undefinedEntity.map { " &\($0);" } ?? "")
        case 39, 41: return "attribute value not in quotes"
        case 42: return "attribute given twice"
        case 68: return "'<' not followed by a name"
        case 73: return "'>' expected"
        case 76: return "closing tag does not match the open element"
        case 77: return "document ends inside an element"
        case 89: return "entity expansion too large (refused)"
        default: return "malformed XML (libxml2 error \(code))"
        }
    }

    // MARK: XMLParserDelegate

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes found: [String: String] = [:]) {
        if capture != nil {
            startMarkup(name, attributes: found)
            return
        }
        let namespace = namespaceURI ?? ""
        let attributes = found.isEmpty ? found : found.mapValues(XMLControlCharacters.restore)
        var base = stack.last?.base ?? baseURL
        if let declared = attributes["xml:base"] { base = resolve(declared, against: base) }
        stack.append(Frame(name: name, namespace: namespace, base: base))
        if stack.count == 1 {
            startRoot(name, namespace: namespace)
            return
        }
        switch kind {
        case .atom: startAtom(name, namespace: namespace, attributes: attributes, base: base)
        case .rss: startRSS(name, namespace: namespace, attributes: attributes, base: base)
        default: break
        }
    }

    private func startRoot(_ name: String, namespace: String) {
        switch name {
        case "rss", "RDF":
            kind = .rss
        case "feed":
            kind = .atom
            // Atom 1.0, the 0.3 draft, or a document that left the namespace out: its own elements are read.
            atomNamespace = namespace
            isAtom03 = namespace == FeedNamespace.atom03
        default:
            break
        }
    }

    private func startAtom(_ name: String, namespace: String, attributes: [String: String], base: URL?) {
        let depth = stack.count
        if draft == nil {
            if name == "entry" && namespace == atomNamespace {
                beginItem()
                return
            }
            guard depth == 2 else { return }
            if namespace == atomNamespace {
                switch name {
                case "title": begin(.feedTitle(rank: 0), form: .atom, attributes: attributes, base: base)
                case "link": if let href = alternateHref(attributes) { feedLink.offer(resolved(href, base), rank: 0) }
                default: break
                }
            } else {
                startExtension(name, namespace: namespace, attributes: attributes, base: base, inItem: false)
            }
            return
        }
        // Inside an entry: its direct children, and the author's name.
        if depth == itemDepth + 2, name == "name", namespace == atomNamespace,
           stack[depth - 2].name == "author", stack[depth - 2].namespace == atomNamespace {
            begin(.author(rank: 0), form: .text, attributes: attributes, base: base)
            return
        }
        guard depth == itemDepth + 1 else {
            startMedia(name, namespace: namespace, attributes: attributes, base: base)
            return
        }
        guard namespace == atomNamespace else {
            startExtension(name, namespace: namespace, attributes: attributes, base: base, inItem: true)
            return
        }
        switch name {
        case "id": begin(.id(rank: 0), form: .text, attributes: attributes, base: base)
        case "title": begin(.title(rank: 0), form: .atom, attributes: attributes, base: base)
        case "content":
            // Content held elsewhere (`src`) has no text here.
            if attributes["src"] == nil { begin(.content(rank: 0), form: .atom, attributes: attributes, base: base) }
        case "summary": begin(.summary(rank: 0), form: .atom, attributes: attributes, base: base)
        case "published", "issued": begin(.date(rank: 1), form: .text, attributes: attributes, base: base)
        case "created": begin(.date(rank: 2), form: .text, attributes: attributes, base: base)
        case "updated", "modified": begin(.date(rank: 6), form: .text, attributes: attributes, base: base)
        case "link": if let href = alternateHref(attributes) { draft?.link.offer(resolved(href, base), rank: 0) }
        default: break
        }
    }

    private func startRSS(_ name: String, namespace: String, attributes: [String: String], base: URL?) {
        let depth = stack.count
        let core = FeedNamespace.isRSSCore(namespace)
        if draft == nil {
            if name == "item" && core {
                beginItem()
                draft?.about = (attributes["rdf:about"] ?? attributes["about"]).flatMap(nonEmpty)
                return
            }
            // Channel fields are the channel's direct children (an image's or text input's title is not the feed's).
            guard depth >= 2, stack[depth - 2].name == "channel", FeedNamespace.isRSSCore(stack[depth - 2].namespace) else {
                return
            }
            if core {
                switch name {
                case "title": begin(.feedTitle(rank: 0), form: .html, attributes: attributes, base: base)
                case "link": begin(.feedLink, form: .text, attributes: attributes, base: base)
                default: break
                }
            } else if FeedNamespace.isAtom(namespace), name == "link", let href = alternateHref(attributes) {
                feedLink.offer(resolved(href, base), rank: 1)
            } else {
                startExtension(name, namespace: namespace, attributes: attributes, base: base, inItem: false)
            }
            return
        }
        guard depth == itemDepth + 1 else {
            startMedia(name, namespace: namespace, attributes: attributes, base: base)
            return
        }
        guard core else {
            if FeedNamespace.isAtom(namespace) {
                switch name {
                case "link": if let href = alternateHref(attributes) { draft?.link.offer(resolved(href, base), rank: 1) }
                case "title": begin(.title(rank: 1), form: .atom, attributes: attributes, base: base)
                case "content": begin(.content(rank: 2), form: .atom, attributes: attributes, base: base)
                case "summary": begin(.summary(rank: 1), form: .atom, attributes: attributes, base: base)
                case "id": begin(.id(rank: 1), form: .text, attributes: attributes, base: base)
                case "published", "issued": begin(.date(rank: 2), form: .text, attributes: attributes, base: base)
                case "updated", "modified": begin(.date(rank: 6), form: .text, attributes: attributes, base: base)
                default: break
                }
                return
            }
            startExtension(name, namespace: namespace, attributes: attributes, base: base, inItem: true)
            return
        }
        switch name {
        case "title": begin(.title(rank: 0), form: .html, attributes: attributes, base: base)
        case "link": begin(.link, form: .text, attributes: attributes, base: base)
        case "guid":
            // RSS 2.0: a guid is a permalink unless it says otherwise.
            let permaLink = attributes["isPermaLink"].map { $0.trimmingCharacters(in: .whitespaces).lowercased() != "false" } ?? true
            begin(.guid(permaLink: permaLink), form: .text, attributes: attributes, base: base)
        case "description": begin(.summary(rank: 0), form: .html, attributes: attributes, base: base)
        case "pubDate": begin(.date(rank: 0), form: .text, attributes: attributes, base: base)
        case "author": begin(.author(rank: 1), form: .text, attributes: attributes, base: base)
        default: break
        }
    }

    /// Dublin Core, DC terms, the content module, XHTML bodies and iTunes: fields any family may carry.
    private func startExtension(_ name: String, namespace: String, attributes: [String: String], base: URL?, inItem: Bool) {
        switch namespace {
        case FeedNamespace.dublinCore, FeedNamespace.dcTerms:
            let terms = namespace == FeedNamespace.dcTerms
            guard inItem else {
                if name == "title" { begin(.feedTitle(rank: terms ? 2 : 1), form: .html, attributes: attributes, base: base) }
                return
            }
            switch name {
            case "title": begin(.title(rank: terms ? 3 : 2), form: .html, attributes: attributes, base: base)
            case "date": begin(.date(rank: terms ? 4 : 3), form: .text, attributes: attributes, base: base)
            case "issued", "created", "available": begin(.date(rank: 4), form: .text, attributes: attributes, base: base)
            case "modified": begin(.date(rank: 7), form: .text, attributes: attributes, base: base)
            case "creator": begin(.author(rank: kind == .atom ? 1 : 0), form: .text, attributes: attributes, base: base)
            case "description", "abstract": begin(.summary(rank: 3), form: .html, attributes: attributes, base: base)
            case "identifier": begin(.id(rank: 3), form: .text, attributes: attributes, base: base)
            default: break
            }
        case FeedNamespace.content where inItem && name == "encoded":
            begin(.content(rank: 0), form: .html, attributes: attributes, base: base)
        case FeedNamespace.xhtml where inItem && (name == "body" || name == "div"):
            begin(.content(rank: 1), form: .html, attributes: attributes, base: base)
        case FeedNamespace.itunes where inItem:
            switch name {
            case "summary": begin(.summary(rank: 4), form: .text, attributes: attributes, base: base)
            case "author": begin(.author(rank: 3), form: .text, attributes: attributes, base: base)
            default: break
            }
        default:
            startMedia(name, namespace: namespace, attributes: attributes, base: base)
        }
    }

    /// Media RSS, anywhere in an item (often inside `media:group` or `media:content`): a title or description for
    /// items that have none of their own.
    private func startMedia(_ name: String, namespace: String, attributes: [String: String], base: URL?) {
        guard draft != nil, namespace == FeedNamespace.media else { return }
        switch name {
        case "title": begin(.title(rank: 4), form: .text, attributes: attributes, base: base)
        case "description": begin(.summary(rank: 5), form: .text, attributes: attributes, base: base)
        default: break
        }
    }

    private func beginItem() {
        draft = Draft()
        itemDepth = stack.count
        itemsSeen += 1
    }

    private func begin(_ field: Field, form: Form, attributes: [String: String], base: URL?) {
        capture = Capture(field: field, form: form, attributes: attributes, base: base)
    }

    /// The `href` of a link that points at the page itself: `rel="alternate"` or no `rel`.
    private func alternateHref(_ attributes: [String: String]) -> String? {
        guard let href = attributes["href"].flatMap(nonEmpty) else { return nil }
        let rel = attributes["rel"]?.trimmingCharacters(in: .whitespaces).lowercased() ?? "alternate"
        return rel == "alternate" || rel.isEmpty ? href : nil
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if capture != nil {
            if capture!.depth > 0 {
                // In place (no copy of the capture held meanwhile): a copy would make every append copy the
                // whole markup so far.
                capture!.depth -= 1
                capture!.markup? += "</\(name)>"
                return
            }
            let open = capture!
            capture = nil
            finish(open)
        }
        if draft != nil && stack.count == itemDepth { finishItem() }
        if !stack.isEmpty { stack.removeLast() }
    }

    // MARK: Captured content

    /// A child element inside captured content: rebuilt as an HTML tag.
    private func startMarkup(_ name: String, attributes: [String: String]) {
        guard capture != nil else { return }
        if capture!.markup == nil { capture!.markup = escape(capture!.text, quotes: false) }
        var tag = "<" + name
        for (key, value) in attributes.sorted(by: { $0.key < $1.key }) {
            tag += " \(key)=\"\(escape(XMLControlCharacters.restore(value), quotes: true))\""
        }
        capture!.markup! += tag + ">"
        capture!.depth += 1
    }

    func parser(_ parser: XMLParser, foundCharacters found: String) {
        guard capture != nil else { return }
        let string = XMLControlCharacters.restore(found)
        if capture?.markup != nil {
            capture?.markup? += escape(string, quotes: false)
        } else {
            capture?.text += string
        }
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        guard capture != nil else { return }
        let string = XMLControlCharacters.restore(String(decoding: block, as: UTF8.self))
        if capture?.markup != nil {
            capture?.markup? += escape(string, quotes: false)
        } else {
            capture?.text += string
        }
    }

    /// Stores a captured element's value in its field.
    private func finish(_ captured: Capture) {
        switch captured.field {
        case .title(let rank):
            draft?.title.offer(content(of: captured).map(plainText), rank: rank)
        case .feedTitle(let rank):
            feedTitle.offer(content(of: captured).map(plainText), rank: rank)
        case .link:
            draft?.link.offer(nonEmpty(captured.text).map { resolved($0, captured.base) }, rank: 0)
        case .feedLink:
            feedLink.offer(nonEmpty(captured.text).map { resolved($0, captured.base) }, rank: 0)
        case .guid(let permaLink):
            guard let guid = nonEmpty(captured.text) else { return }
            draft?.id.offer(guid, rank: 0)
            if permaLink {
                let link = resolved(guid, captured.base)
                if link.hasPrefix("http://") || link.hasPrefix("https://") { draft?.permaLink = link }
            }
        case .id(let rank):
            // An empty id is no id: every such entry would share it and all but the first be taken for it.
            draft?.id.offer(nonEmpty(captured.text), rank: rank)
        case .content(let rank):
            draft?.content.offer(content(of: captured), rank: rank)
        case .summary(let rank):
            draft?.summary.offer(content(of: captured), rank: rank)
        case .date(let rank):
            draft?.date.offer(FeedDate.parse(captured.text), rank: rank)
        case .author(let rank):
            draft?.author.offer(nonEmpty(captured.markup.map(HTMLText.inlineText) ?? captured.text), rank: rank)
        }
    }

    /// The captured element's content as HTML or text, as its form and attributes say; nil when it holds none.
    private func content(of captured: Capture) -> FeedContent? {
        if let markup = captured.markup { return FeedContent.nonEmpty(.html(markup)) }
        let raw = captured.text
        switch captured.form {
        case .html: return FeedContent.nonEmpty(.html(raw))
        case .text: return FeedContent.nonEmpty(.text(raw))
        case .atom: return atomContent(raw, attributes: captured.attributes)
        }
    }

    /// An Atom text construct without child elements. Atom 1.0 (RFC 4287 §3.1, §4.1.3): `text`, `html`, `xhtml`
    /// or a MIME type, where a type that is neither text nor XML means base64. Atom 0.3: a MIME type (default
    /// `text/plain`) and a `mode` of `xml`, `escaped` or `base64`.
    private func atomContent(_ raw: String, attributes: [String: String]) -> FeedContent? {
        let type = attributes["type"]?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        let mode = attributes["mode"]?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        let isHTML = type == "html" || type.contains("html")
        var text = raw
        let base64 = mode == "base64" || (!isAtom03 && !type.isEmpty && !["text", "html", "xhtml"].contains(type)
            && !type.hasPrefix("text/") && !type.hasSuffix("xml") && !type.hasSuffix("+xml"))
        if base64 {
            guard let data = Data(base64Encoded: raw, options: .ignoreUnknownCharacters) else { return nil }
            text = String(decoding: data, as: UTF8.self)
            // Binary content (an image) is not text for a reader.
            guard !text.unicodeScalars.contains(where: { $0.value == 0xFFFD || $0.value == 0 }) else { return nil }
        }
        if isHTML || (isAtom03 && mode == "escaped" && type.isEmpty) { return FeedContent.nonEmpty(.html(text)) }
        return FeedContent.nonEmpty(.text(text))
    }

    private func finishItem() {
        guard let d = draft else { return }
        draft = nil
        let link = d.link.value ?? d.permaLink
        let title = d.title.value ?? ""
        let content = d.content.value
        let summary = d.summary.value
        guard !title.isEmpty || link != nil || content != nil || summary != nil else {
            unreadable += 1
            return
        }
        var item = FeedItem(id: "", link: link, title: title, published: d.date.value, author: d.author.value,
                            content: content, summary: summary)
        item.id = d.id.value ?? d.about ?? link ?? "fingerprint:\(item.fingerprint.value)"
        items.append(item)
    }

    /// Only the first error is kept. The parse is not aborted: `abortParsing()` inside this callback corrupts
    /// Foundation's parser state on Linux (seen crashing); the document is refused when `parse()` returns.
    func parser(_ parser: XMLParser, parseErrorOccurred error: Error) {
        if firstError == nil { firstError = ((error as NSError).code, parser.lineNumber) }
    }

    func parser(_ parser: XMLParser, validationErrorOccurred error: Error) {
        if firstError == nil { firstError = ((error as NSError).code, parser.lineNumber) }
    }

    /// Never resolves: an external entity (`SYSTEM "file:///…"`) or an undeclared one gets no text. Remembers the
    /// name for the error message when the parse fails on it.
    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
        if undefinedEntity == nil { undefinedEntity = name }
        return nil
    }

    // MARK: Text helpers

    /// A one-line plain text: markup removed and references decoded (for HTML), whitespace collapsed.
    private func plainText(_ content: FeedContent) -> String {
        switch content {
        case .html(let html): return HTMLText.inlineText(html)
        case .text(let text): return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
    }

    private func nonEmpty(_ raw: String) -> String? {
        let value = raw.feedTrimmed
        return value.isEmpty ? nil : value
    }

    /// `link` made absolute against `base` when it is relative.
    private func resolved(_ link: String, _ base: URL?) -> String {
        guard let base, !link.contains("://"), let url = URL(string: link, relativeTo: base) else { return link }
        return url.absoluteString
    }

    /// An `xml:base` value resolved against the base in force.
    private func resolve(_ declared: String, against base: URL?) -> URL? {
        let trimmed = declared.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return base }
        return URL(string: trimmed, relativeTo: base)?.absoluteURL ?? base
    }

    private func escape(_ string: String, quotes: Bool) -> String {
        guard string.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
            || (quotes && $0 == UInt8(ascii: "\"")) }) else { return string }
        var out = ""
        out.reserveCapacity(string.utf8.count)
        for character in string {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
