import BriefLayout
import BriefModel

/// A link as the reader shows it where room is short: without `https://` and `www.`, sanitised, and cut in the
/// middle so the site and the article's own last part both stay (`example.org/news/…/ferry-talks-resume`).
enum LinkText {
    static func short(_ link: String, width: Int) -> String {
        var text = TerminalText.sanitize(link, keepNewlines: false)
        for prefix in ["https://", "http://"] where text.lowercased().hasPrefix(prefix) {
            text.removeFirst(prefix.count)
        }
        if text.lowercased().hasPrefix("www.") { text.removeFirst(4) }
        if text.hasSuffix("/") { text.removeLast() }
        guard width > 0 else { return "" }
        guard DisplayWidth.of(text) > width else { return text }
        guard width > 8 else { return TextFit.truncate(text, to: width) }
        // Half the room (less the ellipsis) for each end; the tail gets what an odd width leaves.
        var head = "", tail = ""
        var room = (width - 1) / 2
        for character in text {
            let next = DisplayWidth.of(character)
            guard next <= room else { break }
            head.append(character)
            room -= next
        }
        room = width - 1 - DisplayWidth.of(head)
        for character in text.reversed() {
            let next = DisplayWidth.of(character)
            guard next <= room else { break }
            tail.insert(character, at: tail.startIndex)
            room -= next
        }
        return head + "…" + tail
    }
}
