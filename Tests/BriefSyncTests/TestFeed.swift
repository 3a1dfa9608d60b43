import Foundation

/// RSS documents for the live tests: invented dispatches, dated just before now so no server purges them as old.
enum TestFeed {
    struct Entry {
        var guid: String?
        var link: String
        var title: String
    }

    static func entries(_ count: Int, tag: String) -> [Entry] {
        (0..<count).map { i in
            Entry(guid: "urn:brief:\(tag):\(i)", link: "http://example.org/\(tag)/\(i)",
                  title: "Ministry of Foreign Affairs of Norland: note \(i) on the border talks")
        }
    }

    /// `date` as RSS writes it.
    static func rfc822(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }

    /// Distinct dates, oldest first (a minute apart, the last a minute before `now`): the servers order by date.
    static func dates(_ count: Int, now: Date = Date()) -> [Date] {
        (0..<count).map { now.addingTimeInterval(Double($0 - count) * 60) }
    }

    static func rss(title: String, entries: [Entry], now: Date = Date()) -> String {
        rss(title: title, entries: entries, dates: dates(entries.count, now: now))
    }

    static func rss(title: String, entries: [Entry], dates: [Date]) -> String {
        let items = zip(entries, dates).map { entry, day in
            let date = rfc822(day)
            let guid = entry.guid.map { "<guid isPermaLink=\"false\">\($0)</guid>" } ?? ""
            return "<item><title>\(entry.title)</title><link>\(entry.link)</link>\(guid)<pubDate>\(date)</pubDate>"
                + "<description>Minister Alva Renholt said talks would resume.</description></item>"
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>\(title)</title><link>http://example.org/</link>
            <description>Test dispatches</description>
            \(items.joined(separator: "\n"))
            </channel></rss>
            """
    }
}
