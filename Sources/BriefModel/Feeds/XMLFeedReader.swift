import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads RSS 0.9x / 1.0 / 2.0 and Atom 1.0 with `XMLParser` (libxml2's SAX parser). Used once per document.
///
/// Safety: the input comes through `XMLSourceRewriter`, which drops the DOCTYPE, so the document declares no
/// entities: none can expand into markup, grow without bound or load a file (a reference to a dropped one reads as
/// literal text). External entities are also never resolved (`shouldResolveExternalEntities` stays false), and
/// should an expansion ever grow without bound, libxml2 stops it (error 89), reported as a parse error.
final class XMLFeedReader: NSObject, XMLParserDelegate {
    private enum Namespace {
        static let atom = "http://www.w3.org/2005/Atom"
        static let content = "http://purl.org/rss/1.0/modules/content/"
        static let dublinCore = "http://purl.org/dc/elements/1.1/"
        static let media = "http://search.yahoo.com/mrss/"
        static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
        static let xhtml = "http://www.w3.org/1999/xhtml"
    }

    /// Item fields as they are collected, before defaults are applied.
    private struct Draft {
        var guid: String?
        var about: String?
        var link: String?
        var alternateLink: String?
        var title: String?
        var mediaTitle: String?
        var published: Date?
        var updated: Date?
        var author: String?
        var content: FeedContent?
        var summary: FeedContent?
        var mediaDescription: FeedContent?
    }

    private let baseURL: URL?
    private var kind: FeedKind?
    private var feedTitle: String?
    private var feedLink: String?
    private var feedAlternateLink: String?
    private var items: [FeedItem] = []
    private var draft: Draft?

    /// Local names of the open elements (the path from the root).
    private var path: [String] = []
    private var text = ""
    /// Atom text constructs: the `type` of the open title/content/summary element.
    private var textType = "text"
    /// Inside an Atom `type="xhtml"` construct: the markup rebuilt as HTML and the depth below the construct.
    private var xhtml: String?
    private var xhtmlDepth = 0

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
        let site = feedLink ?? feedAlternateLink
        return FeedDocument(title: feedTitle ?? "", link: site.map { absolute($0) }, kind: kind,
                            items: FeedDocument.deduplicated(items))
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
        let namespace = namespaceURI ?? ""
        let attributes = found.mapValues(XMLControlCharacters.restore)
        if xhtml != nil {
            xhtmlDepth += 1
            var tag = "<" + name
            for (key, value) in attributes.sorted(by: { $0.key < $1.key }) {
                tag += " \(key)=\"\(escape(value, quotes: true))\""
            }
            xhtml? += tag + ">"
            return
        }
        path.append(name)
        text = ""
        if path.count == 1 {
            switch name {
            case "rss", "RDF": kind = .rss
            case "feed": kind = .atom
            default: break
            }
            return
        }
        switch kind {
        case .atom:
            startAtom(name, namespace: namespace, attributes: attributes)
        case .rss:
            startRSS(name, namespace: namespace, attributes: attributes)
        default:
            break
        }
    }

    private func startAtom(_ name: String, namespace: String, attributes: [String: String]) {
        switch name {
        case "entry" where namespace == Namespace.atom:
            draft = Draft()
        case "link" where namespace == Namespace.atom:
            guard let href = attributes["href"], !href.isEmpty else { return }
            let rel = attributes["rel"] ?? "alternate"
            guard rel == "alternate" else { return }
            if draft != nil {
                if draft?.link == nil { draft?.link = href }
            } else if path.count == 2, feedLink == nil {
                feedLink = href
            }
        case "title" where namespace == Namespace.atom, "content" where namespace == Namespace.atom,
             "summary" where namespace == Namespace.atom:
            textType = (attributes["type"] ?? "text").lowercased()
            if textType == "xhtml" || textType == "application/xhtml+xml" {
                xhtml = ""
                xhtmlDepth = 0
            }
            // Content held elsewhere (`src`) has no text here.
            if name == "content", attributes["src"] != nil { textType = "text" }
        default:
            break
        }
    }

    private func startRSS(_ name: String, namespace: String, attributes: [String: String]) {
        switch (name, namespace) {
        case ("item", let ns) where ns != Namespace.atom:
            var fresh = Draft()
            fresh.about = (attributes["rdf:about"] ?? attributes["about"]).flatMap(nonEmpty)
            draft = fresh
        case ("link", Namespace.atom):
            guard let href = attributes["href"], !href.isEmpty, (attributes["rel"] ?? "alternate") == "alternate" else { return }
            if draft != nil {
                if draft?.alternateLink == nil { draft?.alternateLink = href }
            } else if feedAlternateLink == nil {
                feedAlternateLink = href
            }
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if xhtml != nil {
            if xhtmlDepth > 0 {
                xhtmlDepth -= 1
                xhtml? += "</\(name)>"
                return
            }
            text = xhtml ?? ""
            xhtml = nil
            textType = "html"
        }
        let namespace = namespaceURI ?? ""
        switch kind {
        case .atom: endAtom(name, namespace: namespace)
        case .rss: endRSS(name, namespace: namespace)
        default: break
        }
        if !path.isEmpty { path.removeLast() }
        text = ""
    }

    private var parent: String? { path.count >= 2 ? path[path.count - 2] : nil }

    private func endAtom(_ name: String, namespace: String) {
        let inEntry = draft != nil
        switch (name, namespace) {
        case ("entry", Namespace.atom):
            finishItem()
        case ("id", Namespace.atom) where inEntry && parent == "entry":
            // An empty id is no id: every such entry would share it and all but the first be taken for it.
            draft?.guid = nonEmpty(text)
        case ("title", Namespace.atom):
            let title = plainText(text, html: textType != "text")
            if inEntry && parent == "entry" {
                draft?.title = title
            } else if path.count == 2 {
                feedTitle = title
            }
        case ("content", Namespace.atom) where inEntry:
            draft?.content = content(text, html: textType != "text")
        case ("summary", Namespace.atom) where inEntry:
            draft?.summary = content(text, html: textType != "text")
        case ("published", Namespace.atom) where inEntry:
            draft?.published = FeedDate.parse(text)
        case ("updated", Namespace.atom) where inEntry:
            draft?.updated = FeedDate.parse(text)
        case ("name", Namespace.atom) where inEntry && parent == "author":
            if draft?.author == nil { draft?.author = nonEmpty(text) }
        case ("creator", Namespace.dublinCore) where inEntry:
            if draft?.author == nil { draft?.author = nonEmpty(text) }
        default:
            endMedia(name, namespace: namespace)
        }
    }

    private func endRSS(_ name: String, namespace: String) {
        let inItem = draft != nil
        let isRSS = namespace != Namespace.atom && namespace != Namespace.dublinCore && namespace != Namespace.content
            && namespace != Namespace.media
        switch name {
        case "item" where isRSS:
            finishItem()
        case "title" where isRSS:
            if inItem {
                draft?.title = plainText(text, html: true)
            } else if parent == "channel" {
                feedTitle = plainText(text, html: true)
            }
        case "link" where isRSS:
            if inItem {
                draft?.link = nonEmpty(text)
            } else if parent == "channel", feedLink == nil {
                feedLink = nonEmpty(text)
            }
        case "guid" where isRSS && inItem:
            draft?.guid = nonEmpty(text)
        case "description" where isRSS && inItem:
            draft?.summary = content(text, html: true)
        case "encoded" where namespace == Namespace.content && inItem:
            draft?.content = content(text, html: true)
        case "pubDate" where isRSS && inItem:
            draft?.published = FeedDate.parse(text)
        case "date" where namespace == Namespace.dublinCore && inItem:
            if draft?.updated == nil { draft?.updated = FeedDate.parse(text) }
        case "published" where namespace == Namespace.atom && inItem, "updated" where namespace == Namespace.atom && inItem:
            if draft?.updated == nil { draft?.updated = FeedDate.parse(text) }
        case "author" where isRSS && inItem:
            if draft?.author == nil { draft?.author = nonEmpty(text) }
        case "creator" where namespace == Namespace.dublinCore && inItem:
            draft?.author = nonEmpty(text)
        default:
            endMedia(name, namespace: namespace)
        }
    }

    /// Media RSS: a title or description for items that have none of their own.
    private func endMedia(_ name: String, namespace: String) {
        guard namespace == Namespace.media, draft != nil else { return }
        switch name {
        case "title": draft?.mediaTitle = plainText(text, html: false)
        case "description": draft?.mediaDescription = content(text, html: false)
        default: break
        }
    }

    private func finishItem() {
        guard let d = draft else { return }
        draft = nil
        let link = (d.link ?? d.alternateLink).map { absolute($0) }
        var item = FeedItem(id: "", link: link, title: d.title ?? d.mediaTitle ?? "", published: d.published ?? d.updated,
                            author: d.author, content: d.content, summary: d.summary ?? d.mediaDescription)
        item.id = d.guid ?? d.about ?? link ?? "fingerprint:\(item.fingerprint.value)"
        items.append(item)
    }

    func parser(_ parser: XMLParser, foundCharacters found: String) {
        let string = XMLControlCharacters.restore(found)
        if xhtml != nil {
            xhtml? += escape(string, quotes: false)
        } else {
            text += string
        }
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        let string = XMLControlCharacters.restore(String(decoding: block, as: UTF8.self))
        if xhtml != nil {
            xhtml? += escape(string, quotes: false)
        } else {
            text += string
        }
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

    private func content(_ raw: String, html: Bool) -> FeedContent? {
        guard raw.contains(where: { !$0.isWhitespace }) else { return nil }
        return html ? .html(raw) : .text(raw)
    }

    /// A one-line plain text: markup removed and references decoded (for HTML), whitespace collapsed.
    private func plainText(_ raw: String, html: Bool) -> String {
        if html { return HTMLText.inlineText(raw) }
        return raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private func trimmed(_ raw: String) -> String {
        raw.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func nonEmpty(_ raw: String) -> String? {
        let value = trimmed(raw)
        return value.isEmpty ? nil : value
    }

    /// `link` made absolute against the feed's address when it is relative.
    private func absolute(_ link: String) -> String {
        guard let baseURL, !link.contains("://"), let url = URL(string: link, relativeTo: baseURL) else { return link }
        return url.absoluteString
    }

    private func escape(_ string: String, quotes: Bool) -> String {
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
