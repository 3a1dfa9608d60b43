import Foundation

/// One feed to fetch: its address and the validators from its last successful fetch.
public struct FeedRequest: Hashable, Sendable {
    public var url: URL
    public var validators: FeedValidators

    public init(url: URL, validators: FeedValidators = .none) {
        self.url = url
        self.validators = validators
    }
}
