/// The article fields `updateArticle` sets, by the API's numbers.
public enum TTRSSArticleField: Int, Sendable {
    case starred = 0
    case unread = 2
}
