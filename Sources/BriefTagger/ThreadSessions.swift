import Foundation

/// One `TaggingSession` per thread and model, kept between documents.
///
/// A session caches per-word work (the word's lexicon entry, feature hashes and lexical scores); a fresh
/// session for every story threw that away, so importing thousands of short stories tagged at a third of the
/// speed of one long text. Sessions are not shared between threads, so no locking is needed, and a session
/// whose vocabulary has grown past `maxWords` is replaced so a long-running reader does not grow without bound.
enum ThreadSessions {
    static let maxWords = 300_000
    private static let key = "brief.tagger.sessions"

    /// A session held by the current thread.
    private final class Box {
        let model: ObjectIdentifier
        var session: TaggingSession
        init(model: ObjectIdentifier, session: TaggingSession) {
            self.model = model
            self.session = session
        }
    }

    /// Runs `body` with this thread's session for `tagger`'s model.
    static func withSession<T>(for tagger: Tagger, _ body: (inout TaggingSession) -> T) -> T {
        let model = ObjectIdentifier(tagger.first)
        let dictionary = Thread.current.threadDictionary
        let box: Box
        if let held = dictionary[key] as? Box, held.model == model, held.session.wordCount < maxWords {
            box = held
        } else {
            box = Box(model: model, session: tagger.makeSession())
            dictionary[key] = box
        }
        return body(&box.session)
    }
}
