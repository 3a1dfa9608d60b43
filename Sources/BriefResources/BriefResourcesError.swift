/// The resource bundle (samples, NER model) is not where the binary expects it.
public struct BriefResourcesError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The `Resources/` folders looked for, in order.
    public var searched: [String]

    public init(searched: [String]) { self.searched = searched }

    public var description: String {
        "the resource bundle \(BriefResources.bundleName) is missing beside the binary (looked for "
            + searched.joined(separator: ", ") + ")"
    }
}
