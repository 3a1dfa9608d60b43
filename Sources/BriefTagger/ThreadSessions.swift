import Foundation

/// One `TaggingSession` per thread and model, kept between documents.
///
/// A session caches per-word work (the word's lexicon entry, feature hashes and lexical scores); a fresh
/// session for every story threw that away, so importing thousands of short stories tagged at a third of the
/// speed of one long text. Sessions are not shared between threads, so no locking is needed, and a session
/// whose vocabulary has grown to `maxWords` keeps only its `maxWords / 2` most used words, so that a long fetch or a
/// long-running reader holds a bounded working set, not every word form it has ever seen.
enum ThreadSessions {
    /// A cached word costs about 420 bytes (its `ContextWord`, 40, and each pass's summed vectors, 180; its whole
    /// `WordInfo`, 240, is dropped once both passes have summed it), so a session stays near 14 MB; there is one per
    /// preparing thread. News keeps bringing new word forms (names, numbers): the
    /// 1.7 million tokens of the three news corpora in `../shared/data` hold 61,000 distinct forms, and the count keeps
    /// growing with the text, so the old bound of 300,000 words let a session reach 180 MB. Forgetting a word costs
    /// its recomputation when it comes back (a few microseconds) and never changes a label; the most used half kept
    /// are the words that make up most tokens. The bound is above the 23,600 distinct forms of the CoNLL-2003
    /// training text, so that a working vocabulary of that size is never cut.
    static let maxWords = 32_768
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

    /// Runs `body` with this thread's session for `tagger`'s model, first cut down to its `maxWords / 2` most used
    /// words when it holds `maxWords` or more.
    static func withSession<T>(for tagger: Tagger, maxWords: Int = maxWords,
                               _ body: (inout TaggingSession) -> T) -> T {
        let model = ObjectIdentifier(tagger.first)
        let dictionary = Thread.current.threadDictionary
        let box: Box
        if let held = dictionary[key] as? Box, held.model == model {
            box = held
            if box.session.wordCount >= maxWords { box.session.keepMostUsed(maxWords / 2) }
        } else {
            box = Box(model: model, session: tagger.makeSession())
            dictionary[key] = box
        }
        return body(&box.session)
    }

    /// How many words the current thread's session for `tagger` holds; nil when it holds none.
    static func heldWordCount(for tagger: Tagger) -> Int? {
        guard let held = Thread.current.threadDictionary[key] as? Box, held.model == ObjectIdentifier(tagger.first)
        else { return nil }
        return held.session.wordCount
    }
}
