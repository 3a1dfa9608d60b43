import Foundation

/// Finds named entities (PER, ORG, LOC, MISC) in text with a trained two-pass averaged perceptron, and
/// links them into entities with stable keys.
///
/// ```swift
/// let tagger = try Tagger.load(from: BriefResources.nerModel)
/// let mentions = tagger.tag("Sergei Lavrov met Antony Blinken in Geneva.")
/// ```
public struct Tagger: Sendable {
    /// What the model directory says about itself.
    public let manifest: ModelManifest
    public let lexicon: Lexicon
    /// Tokenises raw text the way the model expects.
    public let tokenizer: Tokenizer
    /// Named things mentions link to (empty for a model without one).
    public let knowledge: KnowledgeBase
    let templates: FeatureTemplates
    let first: WeightTable
    let second: WeightTable?

    init(manifest: ModelManifest, lexicon: Lexicon, first: WeightTable, second: WeightTable?,
         knowledge: KnowledgeBase = KnowledgeBase()) {
        self.manifest = manifest
        self.lexicon = lexicon
        self.knowledge = knowledge
        self.first = first
        self.second = second
        templates = FeatureTemplates(options: manifest.options)
        tokenizer = Tokenizer(isKnownWord: { [lexicon] word in lexicon.entry(forLowercased: word) != nil },
                              isCommonPart: { [lexicon] part in
                                  !Self.nameParticles.contains(part)
                                      && (lexicon.entry(forLowercased: part)?.frequency ?? 0) >= Self.commonPartFrequency
                              })
    }

    /// Parts of hyphenated names that never stand alone (`Al-Saadi`, `Ould-Abdallah`).
    static let nameParticles: Set<String> = ["al", "el", "bin", "ben", "abu", "ibn", "ould", "bint", "ul", "ad", "as", "ar", "ash", "at", "az", "an"]
    /// Frequency bucket (1 + 2 × Zipf) from which a hyphenated name's part counts as common: Zipf 3.
    static let commonPartFrequency: UInt8 = 7

    /// Loads the trained model from a directory (e.g. `BriefResources.nerModel`).
    public static func load(from directory: URL) throws -> Tagger {
        let manifestURL = directory.appendingPathComponent(ModelManifest.fileName)
        let manifest: ModelManifest
        do {
            manifest = try JSONDecoder().decode(ModelManifest.self, from: Data(contentsOf: manifestURL))
        } catch let error as DecodingError {
            throw TaggerError.malformedModel(manifestURL.path, 0, "\(error)")
        } catch {
            throw TaggerError.unreadable(manifestURL.path, error.localizedDescription)
        }
        guard manifest.format == ModelManifest.currentFormat else {
            throw TaggerError.malformedModel(manifestURL.path, 0, "format \(manifest.format), expected \(ModelManifest.currentFormat)")
        }
        let lexicon = try Lexicon.load(from: directory)
        let first = try WeightTable.load(from: directory.appendingPathComponent(WeightTable.fileName(pass: 1)))
        let second = manifest.passes >= 2
            ? try WeightTable.load(from: directory.appendingPathComponent(WeightTable.fileName(pass: 2))) : nil
        let knowledge = manifest.knowledge == true
            ? try KnowledgeBase.load(from: directory.appendingPathComponent(KnowledgeBase.fileName)) : KnowledgeBase()
        return Tagger(manifest: manifest, lexicon: lexicon, first: first, second: second, knowledge: knowledge)
    }

    /// A fresh working state for tagging a batch of documents with this model.
    public func makeSession() -> TaggingSession {
        TaggingSession(lexicon: lexicon, templates: templates, first: first, second: second)
    }

    /// BIO labels (`BIOTagSet` indices) for every token of already tokenised text; each range of sentence
    /// indices in `documents` is one document.
    public func labels(for text: TokenizedText, documents: [Range<Int>]) -> [Int] {
        ThreadSessions.withSession(for: self) { $0.labels(for: text, documents: documents) }
    }

    /// Tags one text on its own. Offsets in Unicode scalars of `text`.
    public func tag(_ text: String) -> [Mention] {
        tagDocument([text]).mentions.first ?? []
    }

    /// Most words in one name. A longer run of name labels is the tagger lost in text unlike prose (thousands of
    /// quoted words with no full stop), not a name; linking it would hash megabytes per mention.
    static let longestName = 32

    /// Tags the paragraphs of one document together, so that document context (the same word tagged
    /// elsewhere, partial names linking to full ones) applies across them. `mentions[i]` belongs to
    /// `paragraphs[i]`; offsets are per paragraph.
    ///
    /// Paragraphs in `standalone` (credits, bylines, datelines) are tagged with the rest but linked apart: a
    /// name there never takes over a surname in the text (`Reporting by Daniel Otieno` leaves the envoy
    /// `Otieno` alone), and a surname there never joins a person of the text. The entities of both parts are
    /// returned together, merged where their keys agree.
    public func tagDocument(_ paragraphs: [String], standalone: Set<Int> = []) -> (mentions: [[Mention]], entities: [Entity]) {
        // One text for the whole document; each token remembers its paragraph. (A single paragraph, as
        // `brief tag` gives, is used as it is: copying millions of tokens would cost more than tagging some.)
        let parts = paragraphs.map { tokenizer.tokenize($0) }
        var combined: TokenizedText
        var paragraphOf: [Int]
        if parts.count == 1, let only = parts.first {
            combined = only
            paragraphOf = [Int](repeating: 0, count: only.tokens.count)
        } else {
            combined = TokenizedText(bytes: [])
            let tokenCount = parts.reduce(0) { $0 + $1.tokens.count }
            combined.bytes.reserveCapacity(parts.reduce(0) { $0 + $1.bytes.count + 1 })
            combined.tokens.reserveCapacity(tokenCount)
            paragraphOf = []
            paragraphOf.reserveCapacity(tokenCount)
            for (p, t) in parts.enumerated() {
                let byteShift = combined.bytes.count
                let tokenShift = combined.tokens.count
                combined.bytes.append(contentsOf: t.bytes)
                combined.bytes.append(0x0A)
                for var token in t.tokens {
                    token.byteStart += byteShift
                    token.byteEnd += byteShift
                    combined.tokens.append(token)
                }
                paragraphOf.append(contentsOf: repeatElement(p, count: t.tokens.count))
                for s in t.sentences {
                    combined.sentences.append((s.lowerBound + tokenShift)..<(s.upperBound + tokenShift))
                }
            }
        }
        let labels = self.labels(for: combined, documents: [0..<combined.sentences.count])
        var candidates: [EntityLinker.Candidate] = []
        for sentence in combined.sentences {
            for span in BIOTagSet.spans(labels[sentence]) {
                let a = sentence.lowerBound + span.start
                let z = sentence.lowerBound + span.end
                let type = BIOTagSet.types[span.type]
                let first = combined.tokens[a], last = combined.tokens[z - 1]
                guard paragraphOf[a] == paragraphOf[z - 1], z - a <= Self.longestName else { continue }
                let text = String(decoding: combined.bytes[first.byteStart..<last.byteEnd], as: UTF8.self)
                candidates.append(EntityLinker.Candidate(
                    paragraph: paragraphOf[a], start: first.scalarStart, end: last.scalarEnd, text: text,
                    words: (a..<z).map { combined.text(of: $0) }, type: type))
            }
        }
        if standalone.isEmpty {
            return EntityLinker.link(candidates, paragraphCount: paragraphs.count, knowledge: knowledge)
        }
        let main = EntityLinker.link(candidates.filter { !standalone.contains($0.paragraph) },
                                     paragraphCount: paragraphs.count, knowledge: knowledge)
        let apart = EntityLinker.link(candidates.filter { standalone.contains($0.paragraph) },
                                      paragraphCount: paragraphs.count, knowledge: knowledge)
        var mentions = main.mentions
        for p in standalone where p >= 0 && p < mentions.count { mentions[p] = apart.mentions[p] }
        var entities = main.entities
        var index = Dictionary(entities.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
        for e in apart.entities {
            if let k = index[e.key] {
                entities[k].mentions += e.mentions
                for a in e.aliases where !entities[k].aliases.contains(a) && a != entities[k].name { entities[k].aliases.append(a) }
            } else {
                index[e.key] = entities.count
                entities.append(e)
            }
        }
        return (mentions, entities)
    }
}
