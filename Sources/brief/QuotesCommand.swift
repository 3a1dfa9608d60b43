import ArgumentParser
import BriefLibrary
import BriefModel
import BriefStore
import Foundation

/// `brief quotes [--speaker NAME] [--since DATE] [--json]`: who said what across the library, newest story first.
struct QuotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "List quotes across the library, newest story first.",
        discussion: """
            --speaker NAME keeps the quotes of one entity, NAME matched as `brief entity` matches it (key, exact \
            name, or a unique part of a name such as a surname); --since YYYY-MM-DD keeps stories of that day or \
            later. Plain output: one quote per line: date (or `undated`), story id, speaker (or the description \
            the story gives, or `-`), the quote (and its translation in brackets). JSON: an array of {story, \
            date, speaker, speakerEntity {key, name} or null, description, translation, text}.
            """)

    @OptionGroup var cache: CacheOptions

    @Option(help: ArgumentHelp("Only this entity's quotes: its key, name or part of its name.", valueName: "name"))
    var speaker: String?

    @Option(help: ArgumentHelp("Only stories dated on or after this day.", valueName: "YYYY-MM-DD"))
    var since: String?

    @Flag(help: "Print one JSON document.")
    var json = false

    /// One quote in the JSON document; absent values are null.
    struct Entry: Encodable {
        var quote: StoredQuote

        enum Keys: String, CodingKey { case story, date, speaker, speakerEntity, description, translation, text, key, name }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(quote.storyID, forKey: .story)
            try container.encode(quote.published, forKey: .date)  // null when undated
            try container.encode(quote.speaker, forKey: .speaker)
            if let key = quote.speakerEntity {
                var entity = container.nestedContainer(keyedBy: Keys.self, forKey: .speakerEntity)
                try entity.encode(key, forKey: .key)
                try entity.encode(quote.speakerEntityName, forKey: .name)
            } else {
                try container.encodeNil(forKey: .speakerEntity)
            }
            try container.encode(quote.description, forKey: .description)
            try container.encode(quote.translation, forKey: .translation)
            try container.encode(quote.text, forKey: .text)
        }
    }

    func run() throws {
        let quotes = try CommandFailure.wrapping("quotes") { () throws -> [StoredQuote] in
            var day: Date?
            if let since {
                guard let parsed = CalendarDay(iso: since.trimmingCharacters(in: .whitespaces)) else {
                    throw CommandFailure(message: "quotes: --since wants a day as YYYY-MM-DD, not \""
                                         + TerminalText.sanitize(since, keepNewlines: false) + "\"")
                }
                day = parsed.date
            }
            let store = try cache.openStore()
            let key = try speaker.map { try EntityLookup.entity($0, in: store, command: "quotes").key }
            return try store.quotes(speakerEntity: key, since: day)
        }
        if json {
            try CommandFailure.wrapping("quotes") { try JSONOutput.write(quotes.map(Entry.init)) }
            return
        }
        let day = DateFormatter.listDay
        let lines = quotes.map { quote in
            let date = quote.published.map(day.string(from:)) ?? "undated   "
            let who = quote.speaker ?? quote.description ?? "-"
            let translation = quote.translation.map { " (“\($0)”)" } ?? ""
            return TerminalText.sanitize("\(date)  \(quote.storyID)\t\(who): “\(quote.text)”\(translation)")
        }
        if !lines.isEmpty { Console.output(lines.joined(separator: "\n")) }
    }
}
