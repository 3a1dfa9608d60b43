import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads the outlines of an OPML file with `XMLParser` (external entities never resolved). Used once per document.
final class OPMLReader: NSObject, XMLParserDelegate {
    private var title = ""
    private var inHeadTitle = false
    private var feeds: [OPMLFeed] = []
    private var indexByURL: [String: Int] = [:]
    /// One entry per open `outline`: the folder name it adds, or nil for a feed (or a nameless folder).
    private var folders: [String?] = []
    private var firstError: (code: Int, line: Int)?

    func read(_ data: Data) throws(FeedParseError) -> OPMLDocument {
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = self
        let succeeded = parser.parse()
        if !succeeded || firstError != nil {
            let code = firstError?.code ?? (parser.parserError as NSError?)?.code ?? 0
            throw .xml(line: firstError?.line ?? parser.lineNumber, reason: "malformed XML (libxml2 error \(code))")
        }
        return OPMLDocument(title: title.trimmingCharacters(in: .whitespacesAndNewlines), feeds: feeds)
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes found: [String: String] = [:]) {
        let attributes = found.mapValues(XMLControlCharacters.restore)
        if name == "title" { inHeadTitle = folders.isEmpty }
        guard name == "outline" else { return }
        let label = [attributes["title"], attributes["text"]].compactMap { $0 }
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.first { !$0.isEmpty }
        guard let url = attributes["xmlUrl"] ?? attributes["xmlurl"] ?? attributes["url"],
              !url.trimmingCharacters(in: .whitespaces).isEmpty else {
            folders.append(label)
            return
        }
        folders.append(nil)
        var tags = folders.compactMap { $0 }
        for category in (attributes["category"] ?? "").split(separator: ",") {
            let tag = category.trimmingCharacters(in: CharacterSet(charactersIn: "/ "))
            if !tag.isEmpty { tags.append(tag) }
        }
        let feed = OPMLFeed(url: url.trimmingCharacters(in: .whitespaces), title: label,
                            siteURL: attributes["htmlUrl"].flatMap { $0.isEmpty ? nil : $0 }, tags: unique(tags))
        if let index = indexByURL[feed.url] {
            feeds[index].tags = unique(feeds[index].tags + feed.tags)
            if feeds[index].title == nil { feeds[index].title = feed.title }
            if feeds[index].siteURL == nil { feeds[index].siteURL = feed.siteURL }
        } else {
            indexByURL[feed.url] = feeds.count
            feeds.append(feed)
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "title" { inHeadTitle = false }
        if name == "outline", !folders.isEmpty { folders.removeLast() }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inHeadTitle { title += XMLControlCharacters.restore(string) }
    }

    /// Only the first error is kept. The parse is not aborted: `abortParsing()` inside this callback corrupts
    /// Foundation's parser state on Linux (seen crashing); the document is refused when `parse()` returns.
    func parser(_ parser: XMLParser, parseErrorOccurred error: Error) {
        if firstError == nil { firstError = ((error as NSError).code, parser.lineNumber) }
    }

    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? { nil }

    private func unique(_ tags: [String]) -> [String] {
        var seen = Set<String>()
        return tags.filter { seen.insert($0).inserted }
    }
}
