import BriefTagger
import Foundation

/// Finds the entity a speaker's name refers to among a story's entities (credits left out): the entity whose name,
/// alias or mention form is the speaker's name (case ignored), else the one person whose name contains the
/// speaker's words in order (`Nowak`, `Kimura Alvarez`); a person is preferred to any other type, and a surname
/// two people share links to neither.
struct SpeakerLinks {
    private let entities: [Entity]
    /// Indices into `entities`, by folded form, and the people's folded words: the entities themselves are copied
    /// only for the speakers linked.
    private var exact: [String: Int] = [:]
    private var people: [(words: [String], entity: Int)] = []
    private let forms: [String: Set<String>]

    init(entities: [Entity], forms: [String: Set<String>]) {
        self.entities = entities
        self.forms = forms
        // People last, so that a person's form wins over an organisation's. The forms of one entity may come in any
        // order: they all name it.
        func rank(_ e: Int) -> (Int, String) { (entities[e].type == .person ? 1 : 0, entities[e].key) }
        let order = entities.indices.sorted { rank($0) < rank($1) }
        for e in order {
            let entity = entities[e]
            exact[Self.folded(entity.name)] = e
            for alias in entity.aliases { exact[Self.folded(alias)] = e }
            for form in forms[entity.key] ?? [] { exact[Self.folded(form)] = e }
            if entity.type == .person {
                people.append((Self.folded(entity.name).split(separator: " ").map(String.init), e))
            }
        }
    }

    func entity(named name: String) -> Entity? {
        let key = Self.folded(name)
        if let e = exact[key] { return entities[e] }
        let words = key.split(separator: " ").map(String.init)
        guard !words.isEmpty else { return nil }
        let matches = people.filter { Self.contains($0.words, words) }
        return matches.count == 1 ? entities[matches[0].entity] : nil
    }

    /// The speaker's name as the story gives it in full: the longest form of the entity the story uses that
    /// contains the name's words (`Nowak` → `Katarzyna Nowak`), else the name as it was.
    func fullForm(of name: String, entity: Entity) -> String {
        let words = Self.folded(name).split(separator: " ").map(String.init)
        let candidates = (forms[entity.key] ?? []).filter {
            Self.contains(Self.folded($0).split(separator: " ").map(String.init), words)
        }
        guard let longest = candidates.max(by: { ($0.count, $1) < ($1.count, $0) }), longest.count > name.count else {
            return name
        }
        return longest
    }

    private static func folded(_ text: String) -> String {
        let lower = text.lowercased()
        // Foundation's search costs more than the rest of linking a speaker: only when there is a quote to replace.
        return lower.unicodeScalars.contains("’") ? lower.replacingOccurrences(of: "’", with: "'") : lower
    }

    private static func contains(_ whole: [String], _ part: [String]) -> Bool {
        guard !part.isEmpty, part.count <= whole.count else { return false }
        for start in 0...(whole.count - part.count) where Array(whole[start..<(start + part.count)]) == part {
            return true
        }
        return false
    }
}
