/// The nine BIO labels the tagger decodes over, as small integers, and the rule that keeps a
/// decoded sequence well formed (an `I-X` only continues a `B-X` or `I-X`).
///
/// Label 0 is `O`; for type index `t` (0 PER, 1 ORG, 2 LOC, 3 MISC) `B-` is `1 + 2t` and `I-` is `2 + 2t`.
public enum BIOTagSet {
    /// How many labels there are.
    public static let count = 9
    /// The label for "outside any entity".
    public static let outside = 0
    /// Label names in index order, exactly as CoNLL files spell them.
    public static let names = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]
    /// The entity types in type-index order.
    public static let types: [EntityType] = [.person, .organisation, .place, .group]

    /// The label index for a CoNLL tag such as `B-LOC`, or nil when the tag is not one of the nine.
    public static func index(of name: some StringProtocol) -> Int? {
        switch name {
        case "O": 0
        case "B-PER": 1
        case "I-PER": 2
        case "B-ORG": 3
        case "I-ORG": 4
        case "B-LOC": 5
        case "I-LOC": 6
        case "B-MISC": 7
        case "I-MISC": 8
        default: nil
        }
    }

    /// The entity type a label belongs to, or nil for `O`.
    public static func type(of label: Int) -> EntityType? {
        label <= 0 || label >= count ? nil : types[(label - 1) / 2]
    }

    /// The type index (0…3) of a label, or -1 for `O`.
    @inlinable
    public static func typeIndex(of label: Int) -> Int { label <= 0 ? -1 : (label - 1) / 2 }

    /// Whether the label is an `I-` label.
    @inlinable
    public static func isInside(_ label: Int) -> Bool { label > 0 && label % 2 == 0 }

    /// Whether the label is a `B-` label.
    @inlinable
    public static func isBegin(_ label: Int) -> Bool { label > 0 && label % 2 == 1 }

    /// The `B-` label of a type index.
    @inlinable
    public static func begin(typeIndex: Int) -> Int { 1 + 2 * typeIndex }

    /// Whether `next` may follow `previous` (`previous` nil at a sentence start).
    @inlinable
    public static func allows(_ previous: Int?, _ next: Int) -> Bool {
        guard isInside(next) else { return true }
        guard let previous, previous > 0 else { return false }
        return typeIndex(of: previous) == typeIndex(of: next)
    }

    /// Entity spans `(start, end exclusive, typeIndex)` in a label sequence, conlleval style: a span starts at
    /// a `B-`, or at an `I-` that does not continue the span before it.
    public static func spans(_ labels: some Collection<Int>) -> [(start: Int, end: Int, type: Int)] {
        // Read in place where the labels are contiguous (the tagger's arrays and their slices): this runs over every
        // sentence several times.
        labels.withContiguousStorageIfAvailable { spans(in: $0) } ?? spans(in: Array(labels))
    }

    private static func spans(in labels: some Collection<Int>) -> [(start: Int, end: Int, type: Int)] {
        var result: [(start: Int, end: Int, type: Int)] = []
        var current: (start: Int, type: Int)?
        for (i, label) in labels.enumerated() {
            let t = typeIndex(of: label)
            if let c = current, !(isInside(label) && t == c.type) {
                // Room for a sentence's usual few names at once, rather than growing at the first and second (a
                // sentence without a name allocates nothing).
                if result.isEmpty { result.reserveCapacity(8) }
                result.append((c.start, i, c.type))
                current = nil
            }
            if label > 0, current == nil { current = (i, t) }
        }
        if let c = current { result.append((c.start, labels.count, c.type)) }
        return result
    }
}
