/// `model.json` in a model directory: what the weight files mean and how they were made.
public struct ModelManifest: Codable, Hashable, Sendable {
    public static let fileName = "model.json"
    public static let currentFormat = 2

    /// Bumped when the meaning of features or files changes; a model of another format is refused.
    public var format: Int
    /// log2 of the hashed feature space.
    public var hashBits: Int
    public var options: FeatureOptions
    /// 1 (first pass only) or 2 (a second, document-level pass over the first pass's labels).
    public var passes: Int
    /// Epochs chosen on the development set, per pass.
    public var epochs: [Int]
    /// Development-set F1 per pass, as measured while training (before pruning and quantising).
    public var devF1: [Double]
    /// Where the weights and lexicon came from.
    public var trainedOn: String
    /// Whether the directory holds the knowledge base (`knowledge.tsv`) the lexicon was built with; the
    /// tagger then links mentions to its entities. Absent in older models.
    public var knowledge: Bool?

    public init(format: Int = ModelManifest.currentFormat, hashBits: Int, options: FeatureOptions, passes: Int,
                epochs: [Int], devF1: [Double], trainedOn: String, knowledge: Bool? = nil) {
        self.format = format
        self.hashBits = hashBits
        self.options = options
        self.passes = passes
        self.epochs = epochs
        self.devF1 = devF1
        self.trainedOn = trainedOn
        self.knowledge = knowledge
    }
}
