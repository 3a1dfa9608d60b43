import Foundation

/// One call of the Fever API: commands in the query (`?api&items&since_id=5`) and the key and marks in a form body,
/// as servers read them (coldsweat reads `since_id` only from the query).
public struct FeverRequest: Sendable, Equatable {
    /// Query items after `api`, in order; a nil value is a bare flag (`&items`).
    public var query: [(String, String?)]
    /// Form fields besides the key.
    public var form: [(String, String)]

    public static func == (a: FeverRequest, b: FeverRequest) -> Bool {
        a.query.elementsEqual(b.query, by: { $0 == $1 }) && a.form.elementsEqual(b.form, by: { $0 == $1 })
    }

    public static let verify = FeverRequest(query: [], form: [])
    public static let unreadItemIDs = FeverRequest(query: [("unread_item_ids", nil)], form: [])
    public static let savedItemIDs = FeverRequest(query: [("saved_item_ids", nil)], form: [])
    public static let feedsAndGroups = FeverRequest(query: [("feeds", nil), ("groups", nil)], form: [])

    public static func items(since id: Int) -> FeverRequest {
        FeverRequest(query: [("items", nil), ("since_id", String(id))], form: [])
    }

    /// The items with these ids (at most 50 per call), those the server still has.
    public static func items(withIDs ids: [Int]) -> FeverRequest {
        FeverRequest(query: [("items", nil), ("with_ids", ids.map(String.init).joined(separator: ","))], form: [])
    }

    public static func mark(item id: Int, as mark: FeverItemMark) -> FeverRequest {
        FeverRequest(query: [], form: [("mark", "item"), ("as", mark.rawValue), ("id", String(id))])
    }

    /// The endpoint with `?api` and this request's commands.
    public func url(endpoint: URL) -> URL {
        var components = URLComponents(url: endpoint, resolvingAgainstBaseURL: false)
        let commands = query.map { name, value in value.map { "\(name)=\(Self.encode($0))" } ?? name }
        components?.percentEncodedQuery = (["api"] + commands).joined(separator: "&")
        return components?.url ?? endpoint
    }

    /// The form body: the key first, then the fields.
    public func body(apiKey: String) -> Data {
        Data(([("api_key", apiKey)] + form).map { "\($0)=\(Self.encode($1))" }.joined(separator: "&").utf8)
    }

    private static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
