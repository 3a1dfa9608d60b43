@testable import BriefStore
import Foundation
import GRDB
import Testing

@Suite("The search's rank function")
struct SearchRankTests {
    /// A connection with `brief_rank` and a full-text table `t(title, text)` filled by `fill`.
    private func database(_ fill: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.prepareDatabase { db in SearchRank.register(in: db) }
        let queue = try DatabaseQueue(configuration: configuration)
        try queue.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE t USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2')")
            try db.execute(sql: fill)
        }
        return queue
    }

    /// Each matching row's id, `brief_rank` and FTS5's own `bm25`, both weighting the title four times.
    private func ranks(_ queue: DatabaseQueue, _ match: String) throws -> [(id: Int64, ours: Double, bm25: Double)] {
        try queue.read { db in
            try Row.fetchAll(db, sql: """
                SELECT rowid, brief_rank(t, (SELECT min(rowid) FROM t), (SELECT max(rowid) FROM t), 4.0, 1.0),
                       bm25(t, 4.0, 1.0)
                FROM t WHERE t MATCH ? ORDER BY rowid
                """, arguments: [match]).map { ($0[0], $0[1], $0[2]) }
        }
    }

    @Test("Below the count limit it is BM25 as FTS5 computes it, row for row")
    func equalsBM25() throws {
        // Given rows saying "quotas" and "fleet" a varying number of times, in the title or the text, at varying lengths
        let queue = try database("""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
            INSERT INTO t(rowid, title, text)
            SELECT i, CASE WHEN i % 7 = 0 THEN 'Quotas talks ' || i ELSE 'Session ' || i END,
                   'The fleet ' || substr('quotas quotas quotas ', 1, 7 * (i % 4)) || substr('and more words ', 1, i % 15)
                   || CASE WHEN i % 5 = 0 THEN ' fleet fleet' ELSE '' END
            FROM n
            """)
        // When ranking one word, two words and a word in every row
        for match in ["quotas", "quotas fleet", "\"fleet\"", "talks quotas"] {
            let rows = try ranks(queue, match)
            // Then every row's rank is bm25's
            #expect(!rows.isEmpty)
            for row in rows { #expect(abs(row.ours - row.bm25) < 1e-9, "row \(row.id) of \(match)") }
        }
    }

    @Test("Past the count limit a word's count is estimated: the order is bm25's, each rank within a per cent")
    func estimatesCommonWords() throws {
        // Given three times the count limit of rows: two in five say "harbour" (more than the limit, under half),
        // every one "fleet", and a few "quotas", in the headline or twice in the text
        let rows = 3 * SearchRank.countLimit
        let queue = try database("""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(rows))
            INSERT INTO t(rowid, title, text)
            SELECT i, CASE WHEN i % 50 = 0 THEN 'Quotas ' || i ELSE 'Session ' || i END,
                   'The fleet sailed' || CASE WHEN i % 5 < 2 THEN ' to the harbour' ELSE '' END
                   || CASE WHEN i % 40 = 0 THEN ' over quotas quotas' ELSE '' END
            FROM n
            """)
        // When ranking the rare word with the common ones
        let ranked = try ranks(queue, "quotas harbour fleet")
        // Then the order best first is bm25's
        func order(_ key: ((id: Int64, ours: Double, bm25: Double)) -> Double) -> [Int64] {
            ranked.sorted { (key($0), $0.id) < (key($1), $1.id) }.map(\.id)
        }
        #expect(ranked.count == rows / 40 + rows / 50 - rows / 200)
        #expect(order { $0.ours } == order { $0.bm25 })
        // And each rank is within a per cent of bm25's ("harbour"'s weight is estimated from two thirds of its rows)
        for row in ranked { #expect(abs(row.ours - row.bm25) <= 0.01 * abs(row.bm25), "row \(row.id)") }
    }

    @Test("The estimate: exact below the limit, scaled by the rowids walked past it, never above the rows")
    func estimate() {
        let limit = SearchRank.countLimit
        #expect(SearchRank.estimatedRows((limit - 1, 0), lowest: 1, highest: 100_000, total: 100_000) == Double(limit - 1))
        // The limit reached a fifth of the way through the rowids: about five times as many rows hold it
        let fifth = SearchRank.estimatedRows((limit, 20_000), lowest: 1, highest: 100_000, total: 100_000)
        #expect(abs(fifth - Double(limit) * 5) < 1)
        // Reached at the very end: no more than counted; never more rows than there are
        #expect(SearchRank.estimatedRows((limit, 100_000), lowest: 1, highest: 100_000, total: 100_000) == Double(limit))
        #expect(SearchRank.estimatedRows((limit, 1), lowest: 1, highest: 100_000, total: 100_000) == 100_000)
        // Without a rowid range (a damaged call) the count stands
        #expect(SearchRank.estimatedRows((limit, 500), lowest: nil, highest: nil, total: 100_000) == Double(limit))
    }
}
