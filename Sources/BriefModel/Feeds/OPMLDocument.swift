import Foundation

/// A list of feed subscriptions in OPML 1.0 / 2.0, the format feed readers exchange them in. Folders become tags
/// on import, and tags become folders on export.
///
///     let list = try OPMLDocument.parse(data)        // list.feeds: [OPMLFeed]
///     let text = OPMLDocument(title: "Brief", feeds: feeds).xml()
public struct OPMLDocument: Hashable, Sendable, Codable {
    /// The list's title (`head/title`); empty when there is none.
    public var title: String
    /// Each feed once (by address), in document order; a feed listed in several folders has all their tags.
    public var feeds: [OPMLFeed]

    public init(title: String = "", feeds: [OPMLFeed]) {
        self.title = title
        self.feeds = feeds
    }

    /// Reads an OPML file. Outlines with an `xmlUrl` are feeds; outlines without one are folders whose name
    /// (`title`, else `text`) becomes a tag of every feed inside them.
    public static func parse(_ data: Data) throws(FeedParseError) -> OPMLDocument {
        let data = XMLInput.utf8(data)
        let format = FeedFormat.detect(data: data)
        guard format == .opml else {
            throw .notOPML(found: format == .notAFeed ? FeedParser.describe(data) : "a \(format.rawValue) feed")
        }
        return try OPMLReader().read(XMLInput.xml(data))
    }

    /// The list as an OPML 2.0 document: one folder per tag (a feed with several tags appears in each), then the
    /// feeds without tags at the top level.
    public func xml() -> String {
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<opml version="2.0">"#,
            "  <head>",
            "    <title>\(Self.escape(title))</title>",
            "  </head>",
            "  <body>",
        ]
        var tags: [String] = []
        var seen = Set<String>()
        for feed in feeds {
            for tag in feed.tags where seen.insert(tag).inserted { tags.append(tag) }
        }
        for tag in tags {
            lines.append("    <outline text=\"\(Self.escape(tag))\" title=\"\(Self.escape(tag))\">")
            for feed in feeds where feed.tags.contains(tag) {
                lines.append("      " + Self.outline(feed))
            }
            lines.append("    </outline>")
        }
        for feed in feeds where feed.tags.isEmpty {
            lines.append("    " + Self.outline(feed))
        }
        lines.append("  </body>")
        lines.append("</opml>")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func outline(_ feed: OPMLFeed) -> String {
        var attributes = ["type=\"rss\""]
        if let title = feed.title {
            attributes.append("text=\"\(escape(title))\"")
            attributes.append("title=\"\(escape(title))\"")
        } else {
            attributes.append("text=\"\(escape(feed.url))\"")
        }
        attributes.append("xmlUrl=\"\(escape(feed.url))\"")
        if let site = feed.siteURL { attributes.append("htmlUrl=\"\(escape(site))\"") }
        return "<outline " + attributes.joined(separator: " ") + "/>"
    }

    /// Text made safe for an XML attribute or element. Characters XML 1.0 cannot hold (C0 controls other than
    /// tab, line feed and carriage return) become U+FFFD.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
