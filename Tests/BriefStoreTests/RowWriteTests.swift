import Foundation
import GRDB
import Testing
@testable import BriefStore

/// The import's direct SQLite inserts and updates: values land as bound, failures are SQLite's errors, and a failed
/// row leaves the statement ready for the next.
@Suite("Direct row writes and JSON string arrays")
struct RowWriteTests {
    @Test("Bound integers, text (empty, non-ASCII, with NUL-free controls) and NULL are stored as given")
    func valuesStoredAsBound() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, a TEXT, b TEXT)")
            let insert = try RowWrite(db, sql: "INSERT INTO t (n, a, b) VALUES (?, ?, ?)")
            let first = try insert.run { try $0.bind(42); try $0.bind(""); try $0.bind(String?.none) }
            let second = try insert.run {
                try $0.bind(Int64.max); try $0.bind("Zelenskyy · Зеленський\t\u{1B}[2J"); try $0.bind("b")
            }
            #expect(second == first + 1)
            let rows = try Row.fetchAll(db, sql: "SELECT n, a, b FROM t ORDER BY id")
            #expect(rows[0]["n"] == 42 && rows[0]["a"] == "" && rows[0]["b"] == String?.none)
            #expect(rows[1]["n"] == Int64.max && rows[1]["a"] == "Zelenskyy · Зеленський\t\u{1B}[2J")
            #expect(rows[1]["b"] == "b")
        }
    }

    @Test("A row SQLite refuses throws its constraint error, and the statement then inserts the next row")
    func failureResetsStatement() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (key TEXT PRIMARY KEY, n INTEGER NOT NULL)")
            let insert = try RowWrite(db, sql: "INSERT INTO t (key, n) VALUES (?, ?)")
            try insert.run { try $0.bind("a"); try $0.bind(1) }
            #expect {
                try insert.run { try $0.bind("a"); try $0.bind(2) }
            } throws: { error in
                (error as? DatabaseError)?.resultCode == .SQLITE_CONSTRAINT
            }
            try insert.run { try $0.bind("b"); try $0.bind(3) }
            #expect(try Int.fetchOne(db, sql: "SELECT SUM(n) FROM t") == 4)
        }
    }

    @Test("An UPDATE changes the row it names and no other, runs again with new values, and a refused one changes nothing")
    func updatesRows() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (key TEXT PRIMARY KEY, n INTEGER NOT NULL CHECK (n >= 0))")
            try db.execute(sql: "INSERT INTO t VALUES ('a', 1), ('b', 10)")
            let update = try RowWrite(db, sql: "UPDATE t SET n = n + ? WHERE key = ?")
            try update.run { try $0.bind(5); try $0.bind("a") }
            try update.run { try $0.bind(2); try $0.bind("a") }
            try update.run { try $0.bind(7); try $0.bind("missing") }
            #expect(try Int.fetchAll(db, sql: "SELECT n FROM t ORDER BY key") == [8, 10])
            #expect {
                try update.run { try $0.bind(-100); try $0.bind("b") }
            } throws: { error in
                (error as? DatabaseError)?.resultCode == .SQLITE_CONSTRAINT
            }
            try update.run { try $0.bind(1); try $0.bind("b") }
            #expect(try Int.fetchAll(db, sql: "SELECT n FROM t ORDER BY key") == [8, 11])
        }
    }

    @Test("A JSON string array reads back the same strings, whatever they hold")
    func jsonStringArrayRoundTrips() throws {
        let cases: [[String]] = [
            [], [""], ["Lavrov"], ["\"quoted\"", "back\\slash", "slash/", "tab\tnew\nline\r"],
            ["\u{0}\u{1}\u{1F}\u{7F}", "Erdoğan", "習近平", "👩🏽‍⚕️", "\u{202E}bidi"],
        ]
        for strings in cases {
            let json = JSONStringArray.encode(strings)
            #expect(try JSONDecoder().decode([String].self, from: Data(json.utf8)) == strings, "\(json)")
        }
    }
}
