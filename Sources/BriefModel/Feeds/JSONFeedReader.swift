import Foundation

/// Reads JSON Feed 1.0 and 1.1 (https://jsonfeed.org). Lenient where feeds commonly stray: a numeric `id`, the 1.0
/// `author` object beside 1.1's `authors` array, an item of the wrong shape (left out and counted, the others read).
enum JSONFeedReader {
    private struct Feed: Decodable {
        var version: String
        var title: String?
        var home_page_url: String?
        var items: [Lossy<Item>]?
    }

    /// An array element that is read when it can be and otherwise records why not, so one bad item does not
    /// cost the feed.
    private struct Lossy<Value: Decodable>: Decodable {
        var value: Value?
        var failure: String?
        init(from decoder: Decoder) throws {
            do {
                value = try Value(from: decoder)
            } catch {
                failure = JSONFeedReader.describe(error)
            }
        }
    }

    private struct Item: Decodable {
        var id: LenientString?
        var url: String?
        var external_url: String?
        var title: String?
        var content_html: String?
        var content_text: String?
        var summary: String?
        var date_published: String?
        var date_modified: String?
        var author: Author?
        var authors: [Author]?
    }

    private struct Author: Decodable {
        var name: String?
    }

    /// A string that may have been written as a number.
    private struct LenientString: Decodable {
        var value: String
        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let string = try? container.decode(String.self) {
                value = string
            } else if let number = try? container.decode(Int64.self) {
                value = String(number)
            } else {
                value = String(try container.decode(Double.self))
            }
        }
    }

    static func read(_ data: Data, baseURL: URL?) throws(FeedParseError) -> FeedDocument {
        let feed: Feed
        do {
            feed = try JSONDecoder().decode(Feed.self, from: data)
        } catch {
            throw .json(reason: describe(error))
        }
        var items: [FeedItem] = []
        var unreadable = 0
        var firstFailure: String?
        for element in feed.items ?? [] {
            guard let entry = element.value else {
                unreadable += 1
                if firstFailure == nil { firstFailure = element.failure }
                continue
            }
            let link = (entry.url ?? entry.external_url).flatMap { nonEmpty($0) }.map { absolute($0, baseURL) }
            var content: FeedContent? = nil
            if let html = entry.content_html, !html.isEmpty {
                content = .html(html)
            } else if let text = entry.content_text, !text.isEmpty {
                content = .text(text)
            }
            let author = (entry.authors ?? []).compactMap(\.name).first ?? entry.author?.name
            let title = (entry.title ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
            var item = FeedItem(id: "", link: link, title: title,
                                published: (entry.date_published ?? entry.date_modified).flatMap(FeedDate.parse),
                                author: author, content: content,
                                summary: entry.summary.flatMap { nonEmpty($0) }.map { .text($0) })
            guard !title.isEmpty || link != nil || content != nil || item.summary != nil else {
                unreadable += 1
                if firstFailure == nil { firstFailure = "no title, url or content" }
                continue
            }
            item.id = entry.id.map(\.value).flatMap { nonEmpty($0) } ?? link ?? "fingerprint:\(item.fingerprint.value)"
            items.append(item)
        }
        if items.isEmpty, unreadable > 0 {
            throw .noReadableItems(found: unreadable, reason: firstFailure ?? "no title, url or content")
        }
        return FeedDocument(title: feed.title ?? "", link: feed.home_page_url.flatMap { nonEmpty($0) }, kind: .json,
                            items: FeedDocument.deduplicated(items), unreadableItems: unreadable)
    }

    /// One line on why JSON did not decode: the path of the offending value and what was wrong with it.
    fileprivate static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        case DecodingError.keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])) is missing"
        default:
            return "not valid JSON"
        }
    }

    private static func path(_ keys: [CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingPrefix(".").description
    }

    private static func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    private static func absolute(_ link: String, _ baseURL: URL?) -> String {
        guard let baseURL, !link.contains("://"), let url = URL(string: link, relativeTo: baseURL) else { return link }
        return url.absoluteString
    }
}
