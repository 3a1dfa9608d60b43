import BriefModel
import BriefStore
import Foundation

/// Local feed files in `brief import`: each item becomes a story, stored the same way fetched items are.
extension Importer {
    /// Extensions that mark a feed file (its content is sniffed too, so a feed saved as `.txt` is still a feed).
    static let feedExtensions: Set<String> = ["xml", "rss", "atom", "json", "opml"]

    /// Reads one file and prepares it as an article or, when its name or content says so, parses it as a feed.
    func prepareFile(path: String, sourceName: (String) -> String) -> PreparedFile {
        let data: Data
        do {
            data = try Self.read(path)
        } catch {
            return .failure(ImportFailure(path: path, reason: error.reason))
        }
        let ext = (path as NSString).pathExtension.lowercased()
        let format = FeedFormat.detect(data: data)
        if format == .notAFeed && !Self.feedExtensions.contains(ext) {
            switch prepareText(data, path: path, sourceName: sourceName) {
            case .success(let item): return .story(item)
            case .failure(let failure): return .failure(failure)
            }
        }
        if format == .opml {
            return .failure(ImportFailure(path: path, reason: "an OPML subscription list, not stories "
                                          + "(subscribe with 'brief opml import')"))
        }
        let fileURL = URL(fileURLWithPath: Self.absolutePath(path))
        let document: FeedDocument
        do {
            document = try FeedParser.parse(data, url: fileURL)
        } catch {
            return .failure(ImportFailure(path: path, reason: "not a readable feed: \(error)"))
        }
        let title = document.title.trimmingCharacters(in: .whitespacesAndNewlines)
        let source = title.isEmpty ? sourceName(path) : title
        return .feed(key: fileURL.absoluteString, items: document.items, source: source, notes: document.notes)
    }
}
