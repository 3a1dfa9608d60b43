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

    static func rss(title: String, entries: [Entry], now: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        let items = entries.enumerated().map { index, entry in
            // Distinct dates, oldest first: the servers order by date and pages must not tie.
            let date = formatter.string(from: now.addingTimeInterval(Double(index - entries.count) * 60))
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
