import Foundation
import GRDB
import GRDBSQLite

/// The search's rank: BM25 (k1 1.2, b 0.75, as FTS5's own `bm25`), with each word's document frequency counted
/// only up to `countLimit` matches and estimated past it.
///
/// FTS5's `bm25` counts, once a query, every row holding each of its words: for a word in every one of 100,000
/// stories that walks the whole list, about 7 ms a word, more than the rest of the search. Past `countLimit` rows
/// this counts no further and estimates the count from how far into the rowids (oldest first) the count had got.
/// Below it the count is exact, so a rare word — the one that matters to the rank — weighs as in `bm25`; a word in
/// more than a tenth of 100,000 stories weighs little either way.
///
/// In SQL, as an FTS5 auxiliary function: `brief_rank(story_search, lowest rowid, highest rowid, weight of column 0,
/// weight of column 1, …)`; lower is better, as with `bm25`.
enum SearchRank {
    /// How many rows holding a word are counted before the count is estimated.
    static let countLimit = 10_000

    /// The rowid arguments as SQL: the stories' lowest and highest id (the search index's rowids are theirs).
    static let rowidRange = "(SELECT min(id) FROM stories), (SELECT max(id) FROM stories)"

    /// Adds `brief_rank` to the connection. Without FTS5 (not in any SQLite Brief runs on) it adds nothing, and a
    /// search then fails with SQLite's "no such function", not a trap.
    static func register(in db: Database) {
        guard let api = fts5API(db) else { return }
        _ = api.pointee.xCreateFunction?(UnsafeMutablePointer(mutating: api), "brief_rank", nil, rank, nil)
    }

    /// The connection's FTS5 interface (SQLite hands it out through `SELECT fts5(?)` with a pointer bound).
    private static func fts5API(_ db: Database) -> UnsafePointer<fts5_api>? {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db.sqliteConnection, "SELECT fts5(?)", -1, &statement, nil) == SQLITE_OK else {
            return nil
        }
        defer { sqlite3_finalize(statement) }
        var api: UnsafePointer<fts5_api>?
        let bound = withUnsafeMutablePointer(to: &api) { pointer in
            sqlite3_bind_pointer(statement, 1, pointer, "fts5_api_ptr", nil)
        }
        guard bound == SQLITE_OK else { return nil }
        _ = sqlite3_step(statement)
        return api
    }

    /// What a query computes once and keeps (FTS5 auxiliary data): the mean row length, then each phrase's IDF.
    private struct QueryData {
        var meanLength: Double
        var idf: [Double]
    }

    /// The counting callback's state: rows seen, and the rowid of the last.
    private struct Count {
        var rows = 0
        var lastRowid: Int64 = 0
    }

    private static let rank: fts5_extension_function = { api, fts, context, count, values in
        guard let api, let fts else { return }
        let functions = api.pointee
        // Trailing arguments: lowest and highest rowid, then the column weights.
        func argument(_ index: Int) -> OpaquePointer? {
            guard let values, index < Int(count) else { return nil }
            return values[index]
        }
        guard let data = queryData(api, fts, lowest: argument(0).map(sqlite3_value_int64),
                                   highest: argument(1).map(sqlite3_value_int64)) else {
            sqlite3_result_error(context, "brief_rank: cannot read the search index", -1)
            return
        }
        var frequencies = [Double](repeating: 0, count: data.idf.count)
        var instances: Int32 = 0
        guard functions.xInstCount?(fts, &instances) == SQLITE_OK else {
            sqlite3_result_error(context, "brief_rank: cannot read the matches", -1)
            return
        }
        for instance in 0..<instances {
            var phrase: Int32 = 0, column: Int32 = 0, offset: Int32 = 0
            guard functions.xInst?(fts, instance, &phrase, &column, &offset) == SQLITE_OK,
                  frequencies.indices.contains(Int(phrase)) else { continue }
            frequencies[Int(phrase)] += argument(2 + Int(column)).map(sqlite3_value_double) ?? 1
        }
        var tokens: Int32 = 0
        _ = functions.xColumnSize?(fts, -1, &tokens)
        let k1 = 1.2, b = 0.75
        let lengthNorm = k1 * (1 - b + b * Double(tokens) / max(data.meanLength, 1e-9))
        var score = 0.0
        for (phrase, frequency) in frequencies.enumerated() {
            score += data.idf[phrase] * (frequency * (k1 + 1)) / (frequency + lengthNorm)
        }
        sqlite3_result_double(context, -score)
    }

    /// The query's `QueryData`, computed by the first row's call and kept for the rest.
    private static func queryData(_ api: UnsafePointer<Fts5ExtensionApi>, _ fts: OpaquePointer,
                                  lowest: Int64?, highest: Int64?) -> QueryData? {
        let functions = api.pointee
        if let kept = functions.xGetAuxdata?(fts, 0) {
            return kept.assumingMemoryBound(to: QueryData.self).pointee
        }
        var rows: Int64 = 0, tokens: Int64 = 0
        guard functions.xRowCount?(fts, &rows) == SQLITE_OK,
              functions.xColumnTotalSize?(fts, -1, &tokens) == SQLITE_OK else { return nil }
        let phrases = Int(functions.xPhraseCount?(fts) ?? 0)
        var data = QueryData(meanLength: rows > 0 ? Double(tokens) / Double(rows) : 1, idf: [])
        for phrase in 0..<phrases {
            var counted = Count()
            let code = withUnsafeMutablePointer(to: &counted) { pointer in
                functions.xQueryPhrase?(fts, Int32(phrase), pointer, countRow) ?? SQLITE_ERROR
            }
            guard code == SQLITE_OK else { return nil }
            let found = estimatedRows(counted, lowest: lowest, highest: highest, total: rows)
            // Below zero for a word in more than half the rows: FTS5's bm25 keeps it a hair above zero too.
            data.idf.append(max(1e-6, log((Double(rows) - found + 0.5) / (found + 0.5))))
        }
        let kept = UnsafeMutablePointer<QueryData>.allocate(capacity: 1)
        kept.initialize(to: data)
        guard functions.xSetAuxdata?(fts, kept, releaseQueryData) == SQLITE_OK else { return nil }
        return data
    }

    /// How many rows hold the phrase: the count when it stopped short of `countLimit`, else the count scaled by
    /// the share of the rowid range it had walked (rowids ascend as stories are added).
    static func estimatedRows(_ counted: (rows: Int, lastRowid: Int64), lowest: Int64?, highest: Int64?,
                              total: Int64) -> Double {
        guard counted.rows >= countLimit, let lowest, let highest, highest > lowest else { return Double(counted.rows) }
        let walked = Double(counted.lastRowid - lowest + 1) / Double(highest - lowest + 1)
        guard walked > 0 else { return Double(counted.rows) }
        return min(Double(total), max(Double(counted.rows), Double(counted.rows) / walked))
    }

    private static func estimatedRows(_ counted: Count, lowest: Int64?, highest: Int64?, total: Int64) -> Double {
        estimatedRows((counted.rows, counted.lastRowid), lowest: lowest, highest: highest, total: total)
    }

    private static let countRow: @convention(c) (UnsafePointer<Fts5ExtensionApi>?, OpaquePointer?,
                                                 UnsafeMutableRawPointer?) -> Int32 = { api, fts, state in
        guard let state else { return SQLITE_ERROR }
        let counted = state.assumingMemoryBound(to: Count.self)
        counted.pointee.rows += 1
        if counted.pointee.rows >= countLimit {
            if let api, let fts { counted.pointee.lastRowid = api.pointee.xRowid?(fts) ?? 0 }
            return SQLITE_DONE  // FTS5 stops the walk and answers SQLITE_OK
        }
        return SQLITE_OK
    }

    private static let releaseQueryData: @convention(c) (UnsafeMutableRawPointer?) -> Void = { pointer in
        guard let pointer else { return }
        let data = pointer.assumingMemoryBound(to: QueryData.self)
        data.deinitialize(count: 1)
        data.deallocate()
    }
}
