/// TT-RSS's virtual feeds, by the API's numbers.
public enum TTRSSFeedID {
    /// Every article of the user.
    public static let all = -4
    /// Starred articles.
    public static let starred = -1
}
