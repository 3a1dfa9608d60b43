import Foundation

/// One call of the TT-RSS JSON API (level 15 calls only): an operation and its parameters, encoded as the JSON
/// object the API reads. Its description hides the password so a request can be logged.
public struct TTRSSRequest: Sendable, Equatable, CustomStringConvertible {
    public enum Value: Sendable, Equatable {
        case string(String)
        case int(Int)
        case bool(Bool)

        var json: Any {
            switch self {
            case .string(let text): text
            case .int(let number): number
            case .bool(let flag): flag
            }
        }
    }

    public var operation: String
    public var parameters: [String: Value]

    public init(operation: String, parameters: [String: Value] = [:]) {
        self.operation = operation
        self.parameters = parameters
    }

    /// The JSON body, with the session id when there is one; keys sorted so equal requests encode equally.
    public func body(sessionID: String?) -> Data {
        var object: [String: Any] = parameters.mapValues(\.json)
        object["op"] = operation
        if let sessionID { object["sid"] = sessionID }
        // Only strings, numbers and booleans go in: encoding cannot fail.
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }

    public var description: String {
        let shown = parameters.keys.sorted().map { key in
            let value = key == "password" ? "<hidden>" : {
                switch parameters[key]! {
                case .string(let text): "\"\(text)\""
                case .int(let number): String(number)
                case .bool(let flag): String(flag)
                }
            }()
            return "\(key): \(value)"
        }
        return "\(operation)(\(shown.joined(separator: ", ")))"
    }

    public static func login(user: String, password: String) -> TTRSSRequest {
        TTRSSRequest(operation: "login", parameters: ["user": .string(user), "password": .string(password)])
    }

    public static let logout = TTRSSRequest(operation: "logout")
    public static let getApiLevel = TTRSSRequest(operation: "getApiLevel")
    public static let getCategories = TTRSSRequest(operation: "getCategories")
    /// The user's count of unread articles (no feed given: all of them; one query on the server).
    public static let getUnread = TTRSSRequest(operation: "getUnread")

    /// Every feed the user subscribes to (category -3: all feeds, without the virtual ones).
    public static let getFeeds = TTRSSRequest(operation: "getFeeds", parameters: ["cat_id": .int(-3)])

    public static func subscribeToFeed(url: String, categoryID: Int) -> TTRSSRequest {
        TTRSSRequest(operation: "subscribeToFeed", parameters: ["feed_url": .string(url), "category_id": .int(categoryID)])
    }

    public static func unsubscribeFeed(feedID: Int) -> TTRSSRequest {
        TTRSSRequest(operation: "unsubscribeFeed", parameters: ["feed_id": .int(feedID)])
    }

    public static func getHeadlines(
        feedID: Int, viewMode: TTRSSViewMode, sinceID: Int, skip: Int, limit: Int, showContent: Bool
    ) -> TTRSSRequest {
        var parameters: [String: Value] = [
            "feed_id": .int(feedID), "view_mode": .string(viewMode.rawValue), "since_id": .int(sinceID),
            "skip": .int(skip), "limit": .int(limit), "show_content": .bool(showContent),
            // Oldest first, so a page boundary does not move when new items arrive during paging.
            "order_by": .string("date_reverse"),
        ]
        // The content as the feed had it: the server's sanitiser parses every article's HTML (a fifth of its
        // work per page), and Brief reads feed HTML as text itself, hostile markup included (`HTMLText`).
        if showContent { parameters["sanitize"] = .bool(false) }
        return TTRSSRequest(operation: "getHeadlines", parameters: parameters)
    }

    /// The articles with these ids (those the server still has; purged ones are left out), their content unsanitised
    /// as in `getHeadlines`.
    public static func getArticle(ids: [Int]) -> TTRSSRequest {
        TTRSSRequest(operation: "getArticle", parameters: [
            "article_id": .string(ids.map(String.init).joined(separator: ",")), "sanitize": .bool(false),
        ])
    }

    /// Sets `field` of the articles to `value`: mode 0 or 1, never 2 (toggle), so a repeated push is harmless.
    public static func updateArticle(ids: [Int], field: TTRSSArticleField, value: Bool) -> TTRSSRequest {
        TTRSSRequest(operation: "updateArticle", parameters: [
            "article_ids": .string(ids.map(String.init).joined(separator: ",")),
            "field": .int(field.rawValue), "mode": .int(value ? 1 : 0),
        ])
    }
}
