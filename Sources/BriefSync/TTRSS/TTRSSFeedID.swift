/// TT-RSS's virtual feeds, by the API's numbers.
public enum TTRSSFeedID {
    /// Every article of the user.
    public static let all = -4
    /// Starred articles.
    public static let starred = -1
    /// Articles read in the last day (by any client), the most recently read first.
    public static let recentlyRead = -6
}
