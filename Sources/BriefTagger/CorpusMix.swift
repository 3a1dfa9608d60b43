import Foundation

/// Several labelled CoNLL files read as one training or development corpus, each with a weight: its
/// documents are repeated for the whole part of the weight, and a fixed, evenly spread share of them is
/// added for the fraction (`gmb.conll@0.5` uses every second document). Files in either layout are read
/// (`CoNLLCorpus.goldLabels`); a file without `-DOCSTART-` lines is cut into documents of
/// `sentencesPerDocument` sentences, so that document features do not span a whole corpus.
public struct CorpusMix: Sendable {
    /// One file and its weight.
    public struct Part: Sendable, Hashable {
        public var path: String
        public var weight: Double

        public init(path: String, weight: Double = 1) {
            self.path = path
            self.weight = weight
        }

        /// `PATH` or `PATH@WEIGHT` (weight from 0.01 to 10); nil when the weight does not parse.
        public init?(argument: String) {
            if let at = argument.lastIndex(of: "@"), let w = Double(argument[argument.index(after: at)...]) {
                guard w >= 0.01, w <= 10 else { return nil }
                self.init(path: String(argument[..<at]), weight: w)
            } else {
                self.init(path: argument)
            }
        }

        public var description: String { weight == 1 ? path : "\(path)@\(weight)" }
    }

    public static let sentencesPerDocument = 12

    /// Reads every part and returns one corpus in the two-column layout (`token<TAB>tag`).
    public static func corpus(_ parts: [Part]) throws -> CoNLLCorpus {
        if parts.count == 1, parts[0].weight == 1 { return try CoNLLCorpus.read(path: parts[0].path) }
        var out: [UInt8] = []
        let names = BIOTagSet.names.map { Array($0.utf8) }
        for part in parts {
            let corpus = try CoNLLCorpus.read(path: part.path)
            let gold = try corpus.goldLabels()
            var documents = corpus.documents
            let explicitDocuments = corpus.lines.contains { $0.kind == .documentStart }
            if !explicitDocuments {
                documents = stride(from: 0, to: corpus.text.sentences.count, by: sentencesPerDocument).map {
                    $0..<min($0 + sentencesPerDocument, corpus.text.sentences.count)
                }
            }
            var chosen: [Range<Int>] = []
            for _ in 0..<Int(part.weight) { chosen.append(contentsOf: documents) }
            let fraction = part.weight - part.weight.rounded(.down)
            if fraction > 0 {
                // Document d is taken when the running share crosses a whole number: evenly spread, no randomness.
                for (d, doc) in documents.enumerated()
                where Int(Double(d + 1) * fraction) > Int(Double(d) * fraction) {
                    chosen.append(doc)
                }
            }
            let bytes = corpus.text.bytes
            for doc in chosen {
                out.append(contentsOf: Array("-DOCSTART-\tO\n\n".utf8))
                for s in doc {
                    for t in corpus.text.sentences[s] {
                        let token = corpus.text.tokens[t]
                        out.append(contentsOf: bytes[token.byteStart..<token.byteEnd])
                        out.append(0x09)
                        out.append(contentsOf: names[gold[t]])
                        out.append(0x0A)
                    }
                    out.append(0x0A)
                }
            }
        }
        return try CoNLLCorpus(bytes: out, path: parts.map(\.description).joined(separator: " + "))
    }
}
