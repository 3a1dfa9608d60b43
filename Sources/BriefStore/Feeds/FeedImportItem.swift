import BriefModel
import Foundation

/// One feed item ready to store: the annotated story, and the keys that recognise the same story again — within
/// its feed by `itemID`, across feeds by `guid`, `link` or `fingerprint`.
public struct FeedImportItem: Sendable {
    /// The item's identity within its feed (`FeedItem.id`: guid, else link, else `fingerprint:…`).
    public var itemID: String
    /// The item's guid / Atom id / JSON id as the feed gave it, if it gave one.
    public var guid: String?
    public var link: String?
    /// `ContentFingerprint` of headline and body: the same story syndicated elsewhere has the same one.
    public var fingerprint: String
    public var story: ImportItem

    public init(itemID: String, guid: String?, link: String?, fingerprint: String, story: ImportItem) {
        self.itemID = itemID
        self.guid = guid
        self.link = link
        self.fingerprint = fingerprint
        self.story = story
    }
}
