import BriefModel
import Foundation

/// A feed fetched and parsed: its document, the validators to send next time, and where it was found.
public struct FetchedFeed: Hashable, Sendable {
    public var document: FeedDocument
    /// From this response's `ETag` / `Last-Modified`; store them for the next conditional fetch.
    public var validators: FeedValidators
    /// The address the body came from after redirects (equal to the request's when there were none).
    public var finalURL: URL
    /// True when every redirect on the way was permanent (301 / 308): the store may update the feed's address.
    public var movedPermanently: Bool
    /// Size of the decoded body.
    public var byteCount: Int

    public init(document: FeedDocument, validators: FeedValidators, finalURL: URL, movedPermanently: Bool = false,
                byteCount: Int) {
        self.document = document
        self.validators = validators
        self.finalURL = finalURL
        self.movedPermanently = movedPermanently
        self.byteCount = byteCount
    }
}
