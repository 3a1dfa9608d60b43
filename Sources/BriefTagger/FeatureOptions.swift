/// Which families of features a model uses; saved with the model so training and tagging agree.
public struct FeatureOptions: Codable, Hashable, Sendable {
    /// Word-cluster ids (wordclusters).
    public var clusters: Bool
    /// Gazetteer membership (names, places, titles).
    public var gazetteer: Bool
    /// Lower-case word frequency (wordfreq).
    public var frequency: Bool
    /// How the same word is spelled elsewhere in the document (lower case somewhere? capitalised mid-sentence?).
    public var documentSpelling: Bool
    /// The words around other occurrences of the same capitalised word in the document.
    public var contextAggregation: Bool
    /// Character trigrams of the word.
    public var trigrams: Bool

    public init(clusters: Bool = true, gazetteer: Bool = true, frequency: Bool = true, documentSpelling: Bool = true,
                contextAggregation: Bool = true, trigrams: Bool = true) {
        self.clusters = clusters
        self.gazetteer = gazetteer
        self.frequency = frequency
        self.documentSpelling = documentSpelling
        self.contextAggregation = contextAggregation
        self.trigrams = trigrams
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        clusters = try c.decode(Bool.self, forKey: .clusters)
        gazetteer = try c.decode(Bool.self, forKey: .gazetteer)
        frequency = try c.decode(Bool.self, forKey: .frequency)
        documentSpelling = try c.decode(Bool.self, forKey: .documentSpelling)
        contextAggregation = try c.decodeIfPresent(Bool.self, forKey: .contextAggregation) ?? false
        trigrams = try c.decodeIfPresent(Bool.self, forKey: .trigrams) ?? false
    }
}
