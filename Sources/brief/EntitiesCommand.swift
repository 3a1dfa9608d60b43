import ArgumentParser
import BriefModel
import BriefStore
import BriefTagger

/// `brief entities [--json]`: every entity in the cache, most mentioned first.
struct EntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "List the entities the cache mentions, most mentioned first.",
        discussion: """
            Plain output: a table of mentions, stories, type (PER, ORG, LOC, MISC), name and key. \
            JSON: an array of {key, name, type, stories, mentions, canonicalName, knownAliases, country}; \
            NAME is the canonical name (the knowledge base's, e.g. European Union for EU).
            """)

    @OptionGroup var cache: CacheOptions

    @Flag(help: "Print one JSON document.")
    var json = false

    func run() throws {
        let entities = try CommandFailure.wrapping("entities") { try cache.openStore().entities() }
        if json {
            try CommandFailure.wrapping("entities") { try JSONOutput.write(entities) }
            return
        }
        guard !entities.isEmpty else { return }
        let nameWidth = min(40, entities.map { clean($0.canonicalName).count }.max() ?? 4)
        var lines = ["MENTIONS  STORIES  TYPE  " + padded("NAME", nameWidth) + "  KEY"]
        for entity in entities {
            lines.append(right(entity.mentions, 8) + "  " + right(entity.stories, 7) + "  "
                         + padded(entity.type.rawValue, 4) + "  " + padded(clean(entity.canonicalName), nameWidth) + "  "
                         + clean(entity.key))
        }
        Console.output(lines.joined(separator: "\n"))
    }

    private func clean(_ text: String) -> String { TerminalText.sanitize(text, keepNewlines: false) }

    private func right(_ number: Int, _ width: Int) -> String {
        let text = String(number)
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }

    private func padded(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
