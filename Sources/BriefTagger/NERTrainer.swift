import Foundation

/// Trains a model directory from CoNLL training and development files and the shared data folder, the
/// way `brief ner train` does. Deterministic: fixed shuffles, sorted outputs.
///
/// 1. The lexicon is derived from the shared data and written as `lexicon.tsv`.
/// 2. Pass 1 is trained, with the number of epochs chosen on the development set.
/// 3. Pass 1 labels for the training set come from models trained on the other folds (jackknifing), so the
///    second pass learns how far to trust first-pass labels it has not seen in training.
/// 4. Pass 2 (pass 1's features plus the first pass's labels of the token, its neighbours and the same word
///    elsewhere in the document) is trained and tuned the same way.
public struct NERTrainer {
    /// Training settings.
    public struct Settings: Sendable {
        public var hashBits = 22
        public var maxEpochs = 25
        /// Stop when the development F1 has not improved for this many epochs.
        public var patience = 3
        public var folds = 4
        public var passes = 2
        public var maxRowsPerPass = 260_000
        public var options = FeatureOptions()
        public var seed: UInt64 = 20_031
        public init() {}
    }

    public var settings: Settings
    /// Receives progress lines.
    public var log: (String) -> Void

    public init(settings: Settings = Settings(), log: @escaping (String) -> Void = { _ in }) {
        self.settings = settings
        self.log = log
    }

    /// Trains and writes `model.json`, `lexicon.tsv` and the pass weights into `output`.
    @discardableResult
    public func train(trainPath: String, devPath: String, dataDirectory: URL, output: URL,
                      knowledge: KnowledgeBase? = nil) throws -> ModelManifest {
        try train(train: [CorpusMix.Part(path: trainPath)], dev: [CorpusMix.Part(path: devPath)],
                  dataDirectory: dataDirectory, output: output, knowledge: knowledge)
    }

    /// Trains on a mix of corpora (each with its weight), choosing epochs on the mix of development files.
    @discardableResult
    public func train(train trainParts: [CorpusMix.Part], dev devParts: [CorpusMix.Part], dataDirectory: URL,
                      output: URL, knowledge: KnowledgeBase? = nil) throws -> ModelManifest {
        // Read the corpora first, so a bad path fails before minutes of work.
        let trainCorpus = try CorpusMix.corpus(trainParts)
        let devCorpus = try CorpusMix.corpus(devParts)
        let entries = try LexiconBuilder.build(dataDirectory: dataDirectory, knowledge: knowledge)
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Lexicon.write(entries, to: output)
        try Lexicon.pack(directory: output)
        let lexicon = Lexicon(entries: entries)
        log("lexicon: \(entries.count) words")
        let templates = FeatureTemplates(options: settings.options)
        let bits = settings.hashBits
        let train = try TrainingCorpus(corpus: trainCorpus, lexicon: lexicon, templates: templates, bits: bits)
        let dev = try TrainingCorpus(corpus: devCorpus, lexicon: lexicon, templates: templates, bits: bits)
        guard !train.sentences.isEmpty, !dev.sentences.isEmpty else {
            throw TaggerError.badTrainingData("the training or development file has no sentences")
        }
        log("train: \(train.gold.count) tokens, \(train.sentences.count) sentences; dev: \(dev.gold.count) tokens")

        let allTrain = Array(train.sentences.indices)
        let first = runPass(name: "pass 1", train: train, trainMatrices: [train.base], trainSentences: allTrain,
                            dev: dev, devMatrices: [dev.base], fixedEpochs: nil)
        let table1 = WeightTable.pruned(bits: bits, dense: first.weights, transitions: first.transitions,
                                        start: first.start, maxRows: settings.maxRowsPerPass)
        try table1.write(to: output.appendingPathComponent(WeightTable.fileName(pass: 1)))
        var epochs = [first.epoch], f1s = [first.f1]
        var passes = 1

        if settings.passes >= 2 {
            // Jackknifed first-pass labels for the training set.
            var trainLabels = [Int](repeating: 0, count: train.gold.count)
            for fold in 0..<settings.folds {
                var inFold: [Int] = [], outFold: [Int] = []
                for (d, doc) in train.documents.enumerated() {
                    if d % settings.folds == fold { inFold.append(contentsOf: doc) } else { outFold.append(contentsOf: doc) }
                }
                let model = runPass(name: "pass 1, fold \(fold + 1)/\(settings.folds)", train: train,
                                    trainMatrices: [train.base], trainSentences: outFold, dev: nil, devMatrices: [],
                                    fixedEpochs: first.epoch)
                let foldSentences = inFold.map { train.sentences[$0] }
                let labels = AveragedPerceptron.decode(sentences: foldSentences, matrices: [train.base],
                                                       weights: model.weights, transitions: model.transitions,
                                                       start: model.start, tokenCount: train.gold.count)
                for s in foldSentences { for i in s { trainLabels[i] = labels[i] } }
            }
            let jack = ChunkScore.score(gold: train.gold, predicted: trainLabels, sentences: train.sentences)
            log(String(format: "jackknifed pass 1 on train: F1 %.4f", jack.overall.f1))
            let devLabels = AveragedPerceptron.decode(sentences: dev.sentences, matrices: [dev.base],
                                                      weights: table1.denseWeights(), transitions: table1.transitions,
                                                      start: table1.start, tokenCount: dev.gold.count)
            let trainEvidence = train.evidenceMatrix(labels: trainLabels, templates: templates, bits: bits)
            let devEvidence = dev.evidenceMatrix(labels: devLabels, templates: templates, bits: bits)
            let second = runPass(name: "pass 2", train: train, trainMatrices: [train.base, trainEvidence],
                                 trainSentences: allTrain, dev: dev, devMatrices: [dev.base, devEvidence],
                                 fixedEpochs: nil)
            let table2 = WeightTable.pruned(bits: bits, dense: second.weights, transitions: second.transitions,
                                            start: second.start, maxRows: settings.maxRowsPerPass)
            try table2.write(to: output.appendingPathComponent(WeightTable.fileName(pass: 2)))
            epochs.append(second.epoch)
            f1s.append(second.f1)
            passes = 2
        }
        let manifest = ModelManifest(hashBits: bits, options: settings.options, passes: passes, epochs: epochs,
                                     devF1: f1s.map { ($0 * 10_000).rounded() / 10_000 },
                                     trainedOn: trainParts.map { URL(fileURLWithPath: $0.path).pathComponents.suffix(2).joined(separator: "/")
                                                        + ($0.weight == 1 ? "" : "@\($0.weight)") }.joined(separator: " + ")
                                         + " (epochs chosen on " + devParts.map {
                                             URL(fileURLWithPath: $0.path).pathComponents.suffix(2).joined(separator: "/")
                                         }.joined(separator: " + ") + "); lexicon from wordfreq, wordclusters, GeoNames, ISO 3166, countryinfo demonyms, US census names"
                                         + (knowledge == nil ? "" : ", the knowledge base"),
                                     knowledge: knowledge == nil ? nil : true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(manifest).write(to: output.appendingPathComponent(ModelManifest.fileName))
        return manifest
    }

    private struct PassResult {
        var weights: [Float], transitions: [Float], start: [Float], epoch: Int, f1: Double
    }

    private func runPass(name: String, train: TrainingCorpus, trainMatrices: [FeatureMatrix], trainSentences: [Int],
                         dev: TrainingCorpus?, devMatrices: [FeatureMatrix], fixedEpochs: Int?) -> PassResult {
        let perceptron = AveragedPerceptron(bits: settings.hashBits)
        var order = trainSentences
        var best: PassResult?
        var sinceBest = 0
        let epochs = fixedEpochs ?? settings.maxEpochs
        for epoch in 1...max(epochs, 1) {
            var rng = SplitMix64(seed: settings.seed &+ UInt64(epoch))
            for k in stride(from: order.count - 1, to: 0, by: -1) {
                order.swapAt(k, Int(rng.next() % UInt64(k + 1)))
            }
            let started = Date()
            perceptron.epoch(order: order, sentences: train.sentences, matrices: trainMatrices, gold: train.gold)
            guard let dev, fixedEpochs == nil else { continue }
            let avg = perceptron.averaged()
            let labels = AveragedPerceptron.decode(sentences: dev.sentences, matrices: devMatrices, weights: avg.weights,
                                                   transitions: avg.transitions, start: avg.start,
                                                   tokenCount: dev.gold.count)
            let f1 = ChunkScore.score(gold: dev.gold, predicted: labels, sentences: dev.sentences).overall.f1
            log(String(format: "%@ epoch %d: dev F1 %.4f (%.1f s)", name, epoch, f1, Date().timeIntervalSince(started)))
            if f1 > (best?.f1 ?? -1) {
                best = PassResult(weights: avg.weights, transitions: avg.transitions, start: avg.start, epoch: epoch, f1: f1)
                sinceBest = 0
            } else {
                sinceBest += 1
                if sinceBest >= settings.patience { break }
            }
        }
        if let best { return best }
        let avg = perceptron.averaged()
        log("\(name): \(epochs) epochs")
        return PassResult(weights: avg.weights, transitions: avg.transitions, start: avg.start, epoch: epochs, f1: 0)
    }
}
