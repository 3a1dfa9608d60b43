import Foundation
import GRDB

/// Library search: the headline and text of every story, through the full-text index.
extension Store {
    /// How many matches `search` returns at most by default: more than a reader pages through, few enough that
    /// a word in every story still answers within a frame.
    public static let searchLimit = 500

    /// How many matches a search ranks at most: the latest imported that many. Ranking costs about a microsecond
    /// per match, so a word in every one of 100,000 stories would take a tenth of a second to rank whole; among
    /// matches that many, the latest are the ones a reader looks for.
    public static let searchRankLimit = 1000

    /// Stories whose headline or text match every word of `query`, best match first, at most `limit` of them
    /// (among equally good matches at the cut, the latest imported), ranked among the latest imported
    /// `searchRankLimit` matches; with `unreadOnly`, only unread ones (filtered
    /// before the cut, so read matches never crowd them out).
    /// The words are searched as plain words: FTS operators and punctuation in `query` have no special meaning.
    public func search(_ query: String, unreadOnly: Bool = false, limit: Int = Store.searchLimit) throws -> [StorySummary] {
        guard let match = Self.ftsPhrases(query), limit > 0 else { return [] }
        // Rank and cut inside the full-text index first, so only the stories shown are read: the latest imported
        // `searchRankLimit` matches (the index walks them newest first and stops), best first. Unread-only needs
        // each match's read mark before the cut, so it reads the stories it ranks.
        let latest = unreadOnly ? """
            SELECT story_search.rowid AS id, brief_rank(story_search, \(SearchRank.rowidRange), 4.0, 1.0) AS rank
            FROM story_search JOIN stories r ON r.id = story_search.rowid
            WHERE story_search MATCH ? AND r.read_at IS NULL ORDER BY story_search.rowid DESC LIMIT ?
            """ : """
            SELECT rowid AS id, brief_rank(story_search, \(SearchRank.rowidRange), 4.0, 1.0) AS rank FROM story_search
            WHERE story_search MATCH ? ORDER BY rowid DESC LIMIT ?
            """
        let best = "SELECT id, rank FROM (\(latest)) ORDER BY rank, id DESC LIMIT ?"
        return try writer.read { db in
            let statement = try db.makeStatement(sql: """
                SELECT \(StorySummaryRow.columns)
                FROM (\(best)) AS best
                JOIN stories s ON s.id = best.id
                ORDER BY best.rank, s.list_date DESC, s.id DESC
                """)
            return try StorySummaryRow.summaries(statement, arguments: [match, Self.searchRankLimit, limit])
        }
    }

    /// The user's words as quoted FTS5 phrases (implicitly ANDed), or nil when no word is left.
    static func ftsPhrases(_ query: String) -> String? {
        let words = query.split(whereSeparator: { $0.isWhitespace })
            .filter { word in word.unicodeScalars.contains { CharacterSet.alphanumerics.contains($0) } }
            .map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }
}
