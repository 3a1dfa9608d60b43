import Foundation

/// Feed items whose bodies are real news text, built at run time from the CoNLL-2003 training documents (Reuters
/// news of 1996, entity-dense: about one entity in seven tokens) mixed with Brief's sample briefings. The data is
/// read where it lies (`--news PATH[,PATH…]`, default `../shared/data/conll2003/train.txt`) and never copied. More
/// corpora in the same token-per-line form (space or tab before the tags) widen the vocabulary, as a long run of
/// real feeds does; one without `-DOCSTART-` lines (GMB) is cut into documents of twelve sentences.
///
/// Item `i` is document `i mod n` (its first sentence the headline, the rest paragraphs of three sentences) with
/// the first paragraph of another document appended, chosen so that no two items of the first n·(n−1) are alike
/// (the cache would store repeats once); every tenth item also carries a paragraph of a sample briefing. About
/// 1.8 KB of text an item.
struct NewsTextGenerator {
    /// Each document's sentences, detokenised.
    private let documents: [[String]]
    private let samples: [String]

    init(conllPaths: [String], samplesDirectory: URL?) throws {
        var documents: [[String]] = []
        for path in conllPaths {
            let read = try Self.documents(String(contentsOfFile: path, encoding: .utf8))
            guard read.count > 1 else { throw MissingData(path: path) }
            documents += read
        }
        self.documents = documents
        var samples: [String] = []
        if let samplesDirectory, let names = try? FileManager.default.contentsOfDirectory(atPath: samplesDirectory.path) {
            for name in names.sorted() where name.hasSuffix(".txt") {
                guard let story = try? String(contentsOf: samplesDirectory.appendingPathComponent(name), encoding: .utf8)
                else { continue }
                // Paragraphs of the body: long lines after the headline.
                samples += story.components(separatedBy: "\n\n").dropFirst().filter { $0.count > 200 && !$0.contains(":\n") }
            }
        }
        self.samples = samples
    }

    /// Documents of CoNLL text (a token a line, sentences apart by blank lines), each its sentences detokenised; a
    /// text without `-DOCSTART-` lines is cut every twelve sentences. A document needs a headline and something to
    /// say: fewer than three sentences are left out.
    private static func documents(_ text: String) -> [[String]] {
        var documents: [[String]] = [], sentences: [String] = [], tokens: [String] = []
        let marked = text.contains("-DOCSTART-")
        func endDocument() {
            if sentences.count >= 3 { documents.append(sentences) }
            sentences.removeAll()
        }
        func endSentence() {
            if !tokens.isEmpty { sentences.append(detokenise(tokens)) }
            tokens.removeAll(keepingCapacity: true)
            if !marked, sentences.count == 12 { endDocument() }
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-DOCSTART-") {
                endSentence()
                endDocument()
            } else if line.isEmpty {
                endSentence()
            } else if let token = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).first {
                tokens.append(String(token))
            }
        }
        endSentence()
        endDocument()
        return documents
    }

    var documentCount: Int { documents.count }

    struct MissingData: Error, CustomStringConvertible {
        var path: String
        var description: String { "no CoNLL documents in \(path)" }
    }

    /// Item `index`: its headline and its paragraphs.
    func item(_ index: Int) -> (title: String, paragraphs: [String]) {
        let n = documents.count
        let first = index % n
        let second = (first + 1 + (index / n) % (n - 1)) % n
        let document = documents[first]
        var paragraphs = Self.paragraphs(Array(document.dropFirst()))
        paragraphs.append(Self.paragraphs(Array(documents[second].dropFirst())).first ?? "")
        if index % 10 == 0, !samples.isEmpty { paragraphs.append(samples[(index / 10) % samples.count]) }
        return (document[0], paragraphs)
    }

    private static func paragraphs(_ sentences: [String]) -> [String] {
        stride(from: 0, to: sentences.count, by: 3).map { sentences[$0..<min($0 + 3, sentences.count)].joined(separator: " ") }
    }

    /// Tokens as running text: no space before closing punctuation and clitics, none after an opening bracket, and
    /// straight double quotes paired as opening and closing.
    static func detokenise(_ tokens: [String]) -> String {
        var text = ""
        var quoteOpen = false
        var glueNext = true
        for token in tokens {
            var glue = glueNext
            glueNext = false
            switch token {
            case ".", ",", ";", ":", "?", "!", ")", "]", "%", "'s", "'", "n't", "'re", "'ve", "'ll", "'d", "'m":
                glue = true
            case "(", "[", "$":
                glueNext = true
            case "\"":
                if quoteOpen { glue = true } else { glueNext = true }
                quoteOpen.toggle()
            default:
                break
            }
            if !glue { text += " " }
            text += token
        }
        return text
    }
}
