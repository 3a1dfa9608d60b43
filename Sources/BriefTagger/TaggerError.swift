/// Why loading, training or reading input for the tagger failed; each case names what and where.
public enum TaggerError: Error, CustomStringConvertible, Equatable {
    /// A file could not be read.
    case unreadable(String, String)
    /// A model file is damaged or of another version: path, line or record number, what is wrong.
    case malformedModel(String, Int, String)
    /// A CoNLL input line is malformed: path, line number, what is wrong.
    case malformedCoNLL(String, Int, String)
    /// Training data is unusable (e.g. empty).
    case badTrainingData(String)

    public var description: String {
        switch self {
        case let .unreadable(path, why): "cannot read \(path): \(why)"
        case let .malformedModel(path, line, why): "\(path):\(line): malformed model file: \(why)"
        case let .malformedCoNLL(path, line, why): "\(path):\(line): \(why)"
        case let .badTrainingData(why): "unusable training data: \(why)"
        }
    }
}
