/// Which headlines `getHeadlines` returns.
public enum TTRSSViewMode: String, Sendable {
    case allArticles = "all_articles"
    case unread
    case marked
}
