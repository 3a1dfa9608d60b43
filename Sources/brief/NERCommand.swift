import ArgumentParser
import BriefResources
import BriefTagger
import Foundation

/// `brief ner train …` and `brief ner eval FILE`: training and scoring the named-entity model.
struct NERCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ner",
        abstract: "Train or evaluate the named-entity model.",
        subcommands: [Train.self, Eval.self])

    /// `brief ner train --train FILE --dev FILE --out DIR [--data DIR]`.
    struct Train: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train the model from CoNLL-2003 files, choosing epochs on the development file.",
            discussion: """
                Writes model.json, lexicon.tsv and the pass weights into --out. The lexicon is derived from \
                --data (wordfreq/, wordclusters/, gazetteers/). Deterministic: the same inputs give the same files.
                """)

        @Option(help: ArgumentHelp("CoNLL-2003 training file.", valueName: "file"))
        var train: String
        @Option(help: ArgumentHelp("CoNLL-2003 development file (for choosing epochs).", valueName: "file"))
        var dev: String
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
            let manifest = try CommandFailure.wrapping("ner train") {
                try trainer.train(trainPath: train, devPath: dev,
                                  dataDirectory: URL(fileURLWithPath: data, isDirectory: true),
                                  output: URL(fileURLWithPath: out, isDirectory: true))
            }
            Console.output("wrote \(out): \(manifest.passes) passes, epochs \(manifest.epochs), dev F1 \(manifest.devF1)")
        }
    }

    /// `brief ner eval FILE [--predicted]`.
    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score the model on a CoNLL file whose last column is the gold tag (conlleval style).",
            discussion: "With --predicted, the last column is the prediction and the one before it the gold tag; the model is not run.")

        @Argument(help: "A CoNLL-2003 file (`-`: standard input).")
        var file: String
        @Flag(help: "The last column is a prediction, the one before it gold.")
        var predicted = false
        @Option(help: ArgumentHelp("A model directory (default: the bundled model).", valueName: "dir"))
        var model: String?

        func run() throws {
            let score = try CommandFailure.wrapping("ner eval") { () throws -> ChunkScore in
                let corpus = try CoNLLCorpus(bytes: try TagCommand.readInput(file), path: TagCommand.inputName(file))
                if predicted {
                    let guesses = try corpus.lastColumnLabels()
                    let gold = try corpus.secondLastColumnLabels()
                    return ChunkScore.score(gold: gold, predicted: guesses, sentences: corpus.text.sentences)
                }
                let gold = try corpus.lastColumnLabels()
                let tagger = try TagCommand.loadTagger(model)
                let labels = tagger.labels(for: corpus.text, documents: corpus.documents)
                return ChunkScore.score(gold: gold, predicted: labels, sentences: corpus.text.sentences)
            }
            Console.output(score.report)
        }
    }
}
