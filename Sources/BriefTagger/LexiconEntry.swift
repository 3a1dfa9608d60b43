/// What the lexicon knows about one lower-cased word: how common it is, its word cluster, and the name
/// lists it is on.
public struct LexiconEntry: Hashable, Sendable {
    /// 0 when the word is not in the frequency list, otherwise 1 + twice its Zipf frequency (1…17).
    public var frequency: UInt8
    /// Cluster ids at the three levels (64, 1,024 and 4,096 clusters), each -1 when unknown; the finer
    /// levels are numbered within their parent.
    public var cluster64: Int16
    public var cluster1024: Int16
    public var cluster4096: Int16
    public var gazetteer: GazetteerFlags

    public init(frequency: UInt8 = 0, cluster64: Int16 = -1, cluster1024: Int16 = -1, cluster4096: Int16 = -1,
                gazetteer: GazetteerFlags = []) {
        self.frequency = frequency
        self.cluster64 = cluster64
        self.cluster1024 = cluster1024
        self.cluster4096 = cluster4096
        self.gazetteer = gazetteer
    }

    /// Whether the entry has a cluster.
    public var hasCluster: Bool { cluster64 >= 0 }
}
