import Foundation

/// The recovery path for a feed that is not well-formed XML (cut short, an undefined entity, a stray tag): reads
/// every complete item anyway, as mature feed readers do, and says how many.
///
/// The document is cut at byte level into its head (everything before the first item, with the elements it left
/// open) and its complete items (`<item …>` to `</item>`, or `entry` for Atom). Each item is parsed on its own
/// behind the head, with the lenient rewrite (unknown entities as text, HTML void elements closed), so a fault
/// costs at most the item it is in; an item with no end (the feed cut short) is lost. The head alone gives the
/// feed's title and link.
enum XMLFeedRecovery {
    /// The feed read from its complete items, or nil when not one could be read.
    static func recover(_ utf8: Data, baseURL: URL?, atom: Bool, failure: FeedParseError) -> FeedDocument? {
        let bytes = [UInt8](utf8)
        let name = Array((atom ? "entry" : "item").utf8)
        let (starts, ends) = itemBounds(bytes, name: name)
        guard let first = starts.first else { return nil }
        let head = Array(bytes[0..<first])
        let closing = closingTags(for: head)
        var items: [FeedItem] = []
        var lost = 0
        var unreadable = 0
        // Each item is parsed behind the head: bound the work when the head is large and the items many.
        var budget = max(bytes.count * 8, 1_000_000)
        for (start, end) in zip(starts, ends) {
            guard let end else {
                lost += 1
                continue
            }
            let document = head + bytes[start..<end] + closing
            budget -= document.count
            guard budget >= 0 else {
                lost += 1
                continue
            }
            let reader = XMLFeedReader(baseURL: baseURL)
            do throws(FeedParseError) {
                let read = try reader.read(XMLInput.xml(Data(document), lenient: true))
                items += read.items
                unreadable += read.unreadableItems
            } catch .noReadableItems {
                unreadable += 1
            } catch {
                lost += 1
            }
        }
        guard !items.isEmpty else { return nil }
        let feed = try? XMLFeedReader(baseURL: baseURL).read(XMLInput.xml(Data(head + closing), lenient: true))
        let kept = FeedDocument.deduplicated(items)
        return FeedDocument(title: feed?.title ?? "", link: feed?.link, kind: atom ? .atom : .rss, items: kept,
                            recovery: FeedRecovery(itemsRecovered: kept.count, itemsLost: lost,
                                                   problem: failure.description),
                            unreadableItems: unreadable)
    }

    /// One tag found by `nextTag`.
    private struct Tag {
        var start: Int
        /// After its `>` (or the end of the document).
        var end: Int
        var name: ArraySlice<UInt8>
        var closing: Bool
        var selfClosing: Bool
    }

    /// The next start or end tag at or after `from`; comments, CDATA sections, processing instructions and
    /// declarations are skipped, so markup inside them does not count. A `>` inside a quoted value does not end a tag.
    private static func nextTag(_ bytes: [UInt8], from: Int) -> Tag? {
        var i = from
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<") else {
                i += 1
                continue
            }
            if let after = skipOpaque(bytes, at: i) {
                i = after
                continue
            }
            let closing = i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "/")
            let nameStart = i + (closing ? 2 : 1)
            var j = nameStart
            while j < bytes.count, isNameByte(bytes[j]) { j += 1 }
            guard j > nameStart else {
                i += 1
                continue
            }
            let name = bytes[nameStart..<j]
            var quote: UInt8?
            while j < bytes.count {
                if let q = quote {
                    if bytes[j] == q { quote = nil }
                } else if bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") {
                    quote = bytes[j]
                } else if bytes[j] == UInt8(ascii: ">") {
                    break
                }
                j += 1
            }
            let selfClosing = j < bytes.count && bytes[j - 1] == UInt8(ascii: "/")
            return Tag(start: i, end: min(j + 1, bytes.count), name: name, closing: closing, selfClosing: selfClosing)
        }
        return nil
    }

    /// Where each item starts, and where it ends (after its end tag; nil when it has none before the next item or
    /// the end of the document). Items are elements whose local name is `name` (`item`, `rss:item`).
    static func itemBounds(_ bytes: [UInt8], name: [UInt8]) -> (starts: [Int], ends: [Int?]) {
        var starts: [Int] = []
        var ends: [Int?] = []
        var i = 0
        while let tag = nextTag(bytes, from: i) {
            i = tag.end
            let local = tag.name.lastIndex(of: UInt8(ascii: ":")).map { tag.name[($0 + 1)...] } ?? tag.name
            guard local.elementsEqual(name) else { continue }
            if tag.closing {
                if let last = ends.indices.last, ends[last] == nil { ends[last] = tag.end }
            } else {
                starts.append(tag.start)
                // `<item/>` is complete (and empty).
                ends.append(tag.selfClosing ? tag.end : nil)
            }
        }
        return (starts, ends)
    }

    /// The end of a comment, CDATA section, processing instruction or declaration at `i`, if one starts there.
    private static func skipOpaque(_ bytes: [UInt8], at i: Int) -> Int? {
        guard i + 1 < bytes.count else { return nil }
        let next = bytes[i + 1]
        guard next == UInt8(ascii: "!") || next == UInt8(ascii: "?") else { return nil }
        let rest = bytes[i...]
        let terminator: [UInt8]
        if rest.starts(with: Array("<!--".utf8)) {
            terminator = Array("-->".utf8)
        } else if rest.starts(with: Array("<![CDATA[".utf8)) {
            terminator = Array("]]>".utf8)
        } else if next == UInt8(ascii: "?") {
            terminator = Array("?>".utf8)
        } else {
            terminator = Array(">".utf8)
        }
        var j = i + 2
        while j + terminator.count <= bytes.count {
            if bytes[j] == terminator[0] && bytes[j..<(j + terminator.count)].elementsEqual(terminator) {
                return j + terminator.count
            }
            j += 1
        }
        return bytes.count
    }

    /// End tags for the elements `head` leaves open, innermost first (`</channel></rss>`).
    static func closingTags(for head: [UInt8]) -> [UInt8] {
        var open: [ArraySlice<UInt8>] = []
        var i = 0
        while let tag = nextTag(head, from: i) {
            i = tag.end
            if tag.closing {
                if let match = open.lastIndex(where: { $0.elementsEqual(tag.name) }) { open.removeSubrange(match...) }
            } else if !tag.selfClosing {
                open.append(tag.name)
            }
        }
        var out: [UInt8] = []
        for name in open.reversed() {
            out += Array("</".utf8) + name + Array(">".utf8)
        }
        return out
    }

    /// Name characters, with the prefix separator.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        XMLSourceRewriter.isNameByte(byte) || byte == UInt8(ascii: ":")
    }
}
