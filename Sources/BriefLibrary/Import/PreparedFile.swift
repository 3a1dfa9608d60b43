import BriefModel
import BriefStore

/// One imported file made ready to store: an article as one story, a feed file as its items, or why neither.
enum PreparedFile: Sendable {
    case story(ImportItem)
    /// A feed file's items, parsed but not yet prepared (they are prepared as they are stored, a chunk at a time:
    /// `FeedImportItem.chunkSize`), under the feed key they are stored with (the file's `file:` URL), with the
    /// source their stories get, and what the reader should know about how it was read (`FeedDocument.notes`:
    /// "no items", a guessed encoding, a recovery).
    case feed(key: String, items: [FeedItem], source: String, notes: [String])
    case failure(ImportFailure)
}
