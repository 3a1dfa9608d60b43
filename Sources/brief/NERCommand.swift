import ArgumentParser
import BriefResources
import BriefTagger
import Foundation

/// `brief ner train …` and `brief ner eval FILE`: training and scoring the named-entity model.
struct NERCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ner",
        abstract: "Train or evaluate the named-entity model, or build its knowledge base.",
        subcommands: [Train.self, Eval.self, Knowledge.self, Pack.self])

    /// `brief ner knowledge --data DIR --facts FILE --out FILE`.
    struct Knowledge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the knowledge base from our facts and the shared data folder.",
            discussion: """
                Reads --facts (our own facts, Resources/knowledge/facts.tsv) and --data (knowledge/phoenix, \
                gazetteers/iso3166, gazetteers/geonames-places, wordfreq) and writes the knowledge base to --out \
                (Resources/ner/knowledge.tsv), and its packed index (knowledge.bin) beside it. Deterministic: the \
                same inputs give the same files.
                """)

        @Option(help: ArgumentHelp("The shared data folder.", valueName: "dir"))
        var data: String = "../shared/data"
        @Option(help: ArgumentHelp("Our facts file.", valueName: "file"))
        var facts: String = "Resources/knowledge/facts.tsv"
        @Option(help: ArgumentHelp("Where to write the knowledge base.", valueName: "file"))
        var out: String = "Resources/ner/knowledge.tsv"

        func run() throws {
            let records = try CommandFailure.wrapping("ner knowledge") { () throws -> [KnowledgeBase.Record] in
                let records = try KnowledgeBuilder.build(dataDirectory: URL(fileURLWithPath: data, isDirectory: true),
                                                         facts: URL(fileURLWithPath: facts))
                try KnowledgeBase.write(records, to: URL(fileURLWithPath: out))
                try KnowledgeBase.pack(URL(fileURLWithPath: out))
                return records
            }
            let aliases = records.reduce(0) { $0 + $1.aliases.count }
            Console.output("wrote \(out): \(records.count) entities, \(aliases) aliases")
        }
    }

    /// `brief ner pack [DIR]`.
    struct Pack: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the packed (fast-loading) forms of a model directory's lexicon and knowledge base.",
            discussion: """
                Reads lexicon.tsv, given-names.tsv and knowledge.tsv in DIR (Resources/ner) and writes lexicon.bin, \
                given-names.bin and knowledge.bin beside them: the tables as the tagger holds them in memory, so it \
                loads in milliseconds. `brief ner train` and `brief ner knowledge` write them too; run this after \
                editing a .tsv by hand (a packed file made from another .tsv is refused when the model loads). \
                Deterministic: the same files give the same packed files.
                """)

        @Argument(help: ArgumentHelp("The model directory.", valueName: "dir"))
        var directory: String = "Resources/ner"

        func run() throws {
            try CommandFailure.wrapping("ner pack") {
                let url = URL(fileURLWithPath: directory, isDirectory: true)
                try Lexicon.pack(directory: url)
                let knowledge = url.appendingPathComponent(KnowledgeBase.fileName)
                if FileManager.default.fileExists(atPath: knowledge.path) { try KnowledgeBase.pack(knowledge) }
            }
            Console.output("packed \(directory)")
        }
    }

    /// `brief ner train --train FILE[@WEIGHT]… --dev FILE… --out DIR [--data DIR] [--knowledge FILE]`.
    struct Train: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train the model from labelled CoNLL files, choosing epochs on the development files.",
            discussion: """
                Writes model.json, lexicon.tsv and the pass weights into --out. The lexicon is derived from \
                --data (wordfreq/, wordclusters/, gazetteers/) and --knowledge. --train and --dev may be given \
                several times; FILE@WEIGHT repeats a file's documents (2) or uses an even share of them (0.5). \
                Files are CoNLL-2003 (space-separated, tag last) or token<TAB>tag[<TAB>…] (tag in column 2). \
                Deterministic: the same inputs give the same files.
                """)

        @Option(help: ArgumentHelp("A training file, optionally @WEIGHT (repeatable).", valueName: "file"))
        var train: [String]
        @Option(help: ArgumentHelp("A development file for choosing epochs (repeatable).", valueName: "file"))
        var dev: [String]
        @Option(help: ArgumentHelp("The knowledge base (copied into --out when elsewhere).", valueName: "file"))
        var knowledge: String?
        @Option(help: ArgumentHelp("Directory to write the model into.", valueName: "dir"))
        var out: String
        @Option(help: ArgumentHelp("The shared data folder.", valueName: "dir"))
        var data: String = "../shared/data"
        @Option(help: "Passes: 1, or 2 for a second, document-level pass.")
        var passes: Int = 2
        @Option(help: "Most epochs per pass.")
        var epochs: Int = 25
        @Flag(help: "Leave out word-cluster features (for comparison).")
        var noClusters = false
        @Flag(help: "Leave out gazetteer features (for comparison).")
        var noGazetteer = false
        @Flag(help: "Leave out document-spelling features (for comparison).")
        var noDocumentSpelling = false

        func validate() throws {
            guard !train.isEmpty, !dev.isEmpty else { throw ValidationError("--train and --dev are required") }
            for t in train + dev where CorpusMix.Part(argument: t) == nil {
                throw ValidationError("\(t): the weight after @ must be a number from 0.01 to 10")
            }
            guard passes == 1 || passes == 2 else { throw ValidationError("--passes must be 1 or 2") }
            guard epochs >= 1, epochs <= 100 else { throw ValidationError("--epochs must be from 1 to 100") }
        }

        func run() throws {
            var settings = NERTrainer.Settings()
            settings.passes = passes
            settings.maxEpochs = epochs
            settings.options.clusters = !noClusters
            settings.options.gazetteer = !noGazetteer
            settings.options.documentSpelling = !noDocumentSpelling
            let trainer = NERTrainer(settings: settings, log: { Console.error($0) })
            let manifest = try CommandFailure.wrapping("ner train") { () throws -> ModelManifest in
                let outURL = URL(fileURLWithPath: out, isDirectory: true)
                var kb: KnowledgeBase?
                if let knowledge {
                    let source = URL(fileURLWithPath: knowledge)
                    kb = try KnowledgeBase.load(from: source)
                    let target = outURL.appendingPathComponent(KnowledgeBase.fileName)
                    if source.standardizedFileURL.path != target.standardizedFileURL.path {
                        try FileManager.default.createDirectory(at: outURL, withIntermediateDirectories: true)
                        try? FileManager.default.removeItem(at: target)
                        try FileManager.default.copyItem(at: source, to: target)
                        try KnowledgeBase.pack(target)
                    }
                }
                return try trainer.train(train: train.compactMap { CorpusMix.Part(argument: $0) },
                                         dev: dev.compactMap { CorpusMix.Part(argument: $0) },
                                         dataDirectory: URL(fileURLWithPath: data, isDirectory: true),
                                         output: outURL, knowledge: kb)
            }
            Console.output("wrote \(out): \(manifest.passes) passes, epochs \(manifest.epochs), dev F1 \(manifest.devF1)")
        }
    }

    /// `brief ner eval FILE [--predicted] [--types PER,ORG,LOC]`.
    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score the model on a labelled CoNLL file (conlleval style): precision, recall and F1 overall and per type.",
            discussion: """
                The gold tag is the last column of a space-separated CoNLL-2003 file, or column 2 of a \
                token<TAB>tag[<TAB>…] file (the extra corpora). With --predicted, the last column is the \
                prediction (the model is not run). With --types, only those types are scored: entities of \
                other types count as outside in both gold and prediction.
                """)

        @Argument(help: "A CoNLL-2003 file (`-`: standard input).")
        var file: String
        @Flag(help: "The last column is a prediction, the one before it gold.")
        var predicted = false
        @Option(help: ArgumentHelp("A model directory (default: the bundled model).", valueName: "dir"))
        var model: String?
        @Option(help: ArgumentHelp("Score only these types, comma-separated (PER, ORG, LOC, MISC).", valueName: "types"))
        var types: String?

        func validate() throws { _ = try typeList() }

        private func typeList() throws -> [EntityType]? {
            guard let types else { return nil }
            let list = types.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            var out: [EntityType] = []
            for name in list {
                guard let t = EntityType(rawValue: name.uppercased()) else {
                    throw ValidationError("--types: '\(name)' is not one of PER, ORG, LOC, MISC")
                }
                if !out.contains(t) { out.append(t) }
            }
            guard !out.isEmpty else { throw ValidationError("--types: name at least one of PER, ORG, LOC, MISC") }
            return out
        }

        func run() throws {
            let only = try typeList()
            let score = try CommandFailure.wrapping("ner eval") { () throws -> ChunkScore in
                let corpus = try CoNLLCorpus(bytes: try TagCommand.readInput(file), path: TagCommand.inputName(file))
                if predicted {
                    let guesses = try corpus.lastColumnLabels()
                    let gold = try corpus.goldLabelsBeforePrediction()
                    return ChunkScore.score(gold: gold, predicted: guesses, sentences: corpus.text.sentences, types: only)
                }
                let gold = try corpus.goldLabels()
                let tagger = try TagCommand.loadTagger(model)
                let labels = tagger.labels(for: corpus.text, documents: corpus.documents)
                return ChunkScore.score(gold: gold, predicted: labels, sentences: corpus.text.sentences, types: only)
            }
            Console.output(score.report)
        }
    }
}
