import Foundation

/// Reads JSON Feed 1.0 and 1.1 (https://jsonfeed.org). Lenient where feeds commonly stray: a numeric `id`, the 1.0
/// `author` object beside 1.1's `authors` array.
enum JSONFeedReader {
    private struct Feed: Decodable {
        var version: String
        var title: String?
        var home_page_url: String?
        var items: [Item]?
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
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw .json(reason: "\(path(context.codingPath)): \(context.debugDescription)")
        } catch let DecodingError.keyNotFound(key, context) {
            throw .json(reason: "\(path(context.codingPath + [key])) is missing")
        } catch {
            throw .json(reason: "not valid JSON")
        }
        var items: [FeedItem] = []
        for entry in feed.items ?? [] {
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
            item.id = entry.id.map(\.value).flatMap { nonEmpty($0) } ?? link ?? "fingerprint:\(item.fingerprint.value)"
            items.append(item)
        }
        return FeedDocument(title: feed.title ?? "", link: feed.home_page_url.flatMap { nonEmpty($0) }, kind: .json,
                            items: FeedDocument.deduplicated(items))
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
