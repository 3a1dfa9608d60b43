import Foundation
import Synchronization
import Testing
@testable import BriefTagger

/// The per-thread tagging sessions: bounded, and invisible in the labels.
@Suite("Thread sessions")
struct ThreadSessionsTests {
    private static let short = "Antonio Guterres arrived in Geneva on Monday. Guterres told reporters the United Nations would help."

    /// Runs `body` on a thread of its own, so that its sessions start empty and no other test uses them.
    private func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) throws -> T {
        let result = Mutex<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            let outcome = Result { try body() }
            result.withLock { $0 = outcome }
            done.signal()
        }
        thread.start()
        guard done.wait(timeout: .now() + 120) == .success else {
            Issue.record("the tagging thread did not finish within 120 s")
            throw CancellationError()
        }
        return try #require(result.withLock { $0 }).get()
    }

    /// The committed model, the foreign-affairs fixture (more distinct words than the bound of 80 below) and a short
    /// text of names.
    private func texts() throws -> (Tagger, CoNLLCorpus, TokenizedText) {
        let tagger = try #require(CommittedModelTests.tagger, "the committed model loads")
        let corpus = try CoNLLCorpus(bytes: Array(ForeignAffairsFixture.conll.utf8), path: "fixture")
        return (tagger, corpus, tagger.tokenizer.tokenize(Self.short))
    }

    @Test("a session at its bound keeps its most used words, and the labels stay the same")
    func shrunkAtBound() throws {
        let (tagger, corpus, short) = try texts()
        let shortDocument = [0..<short.sentences.count]
        let bound = 80
        let (heldAfterLong, heldAfterShort, shortLabels, longLabels) = try onOwnThread {
            func tagLong() -> [Int] {
                ThreadSessions.withSession(for: tagger, maxWords: bound) {
                    $0.labels(for: corpus.text, documents: corpus.documents)
                }
            }
            func tagShort() -> [Int] {
                ThreadSessions.withSession(for: tagger, maxWords: bound) { $0.labels(for: short, documents: shortDocument) }
            }
            // The fixture first, so that the short text's words come later and move when the table is cut; then the
            // short text so often that its words are used far more than any of the fixture's.
            _ = tagLong()
            for _ in 0..<200 { _ = tagShort() }
            _ = tagLong()
            let heldAfterLong = ThreadSessions.heldWordCount(for: tagger)
            let shortLabels = tagShort()
            let heldAfterShort = ThreadSessions.heldWordCount(for: tagger)
            // The whole fixture again: words kept (at their new ids) and words forgotten (added again).
            let longLabels = ThreadSessions.withSession(for: tagger, maxWords: .max) {
                $0.labels(for: corpus.text, documents: corpus.documents)
            }
            return (heldAfterLong, heldAfterShort, shortLabels, longLabels)
        }
        let long = try #require(heldAfterLong)
        #expect(long > bound, "the fixture has more distinct words than the bound")
        // Cut to half the bound (and the sentence boundary); every word of the short text was among them,
        // so tagging it again added none.
        let distinct = Set(short.tokens.map { Array(short.bytes[$0.byteStart..<$0.byteEnd]) }).count
        #expect(distinct < bound / 2)
        #expect(heldAfterShort == bound / 2 + 1)
        var fresh = tagger.makeSession()
        let expectedShort = fresh.labels(for: short, documents: shortDocument)
        var freshLong = tagger.makeSession()
        let expectedLong = freshLong.labels(for: corpus.text, documents: corpus.documents)
        #expect(shortLabels == expectedShort)
        #expect(longLabels == expectedLong)
        #expect(expectedShort.contains { $0 != 0 }, "the short text has names")
        #expect(expectedLong.contains { $0 != 0 }, "the fixture has names")
    }

    @Test("a session cut to its most used words labels as a fresh one does, with one pass or two")
    func sessionKeepsMostUsed() throws {
        let (tagger, corpus, short) = try texts()
        let shortDocument = [0..<short.sentences.count]
        func session(passes: Int) -> TaggingSession {
            TaggingSession(lexicon: tagger.lexicon, templates: tagger.templates, first: tagger.first,
                           second: passes == 2 ? tagger.second : nil)
        }
        for passes in [1, 2] {
            var fresh = session(passes: passes)
            let expectedShort = fresh.labels(for: short, documents: shortDocument)
            let expectedLong = fresh.labels(for: corpus.text, documents: corpus.documents)
            var cut = session(passes: passes)
            _ = cut.labels(for: corpus.text, documents: corpus.documents)
            for _ in 0..<50 { _ = cut.labels(for: short, documents: shortDocument) }
            let before = cut.wordCount
            cut.keepMostUsed(20)
            #expect(cut.wordCount == 21 && before > 21)
            #expect(cut.labels(for: short, documents: shortDocument) == expectedShort, "\(passes) pass(es)")
            #expect(cut.labels(for: corpus.text, documents: corpus.documents) == expectedLong, "\(passes) pass(es)")
            #expect(expectedLong.contains { $0 != 0 })
        }
    }

    @Test("a word table keeps its most used words under their old order, and finds them again")
    func wordTableKeepsMostUsed() throws {
        let tagger = try #require(CommittedModelTests.tagger, "the committed model loads")
        var table = WordTable(lexicon: tagger.lexicon)
        let text = tagger.tokenizer.tokenize("Nairobi talks . Nairobi Nairobi Addis talks Ababa .")
        let before = table.ids(for: text)
        table.forgetNewInfos()
        // Nairobi 3, talks 2, . 2, Addis 1, Ababa 1: ties go to the word seen first.
        let kept = table.keepMostUsed(3)
        #expect(kept == [0, 1, 2, 3])
        #expect(table.count == 4)
        let again = table.ids(for: tagger.tokenizer.tokenize("talks Nairobi . Ababa"))
        #expect(again == [2, 1, 3, 4], "kept words keep their ids; a forgotten one is added at the end")
        #expect(before == [1, 2, 3, 1, 1, 4, 2, 5, 3])
        #expect(table.words[1].lower == WordInfo("Nairobi", lexicon: tagger.lexicon).lower)
        #expect(table.words[4].lower == WordInfo("Ababa", lexicon: tagger.lexicon).lower)
        #expect(table.firstNew == 4 && table.newInfos.map(\.word) == [WordInfo("Ababa", lexicon: tagger.lexicon).word],
                "only the word added since the infos were forgotten keeps its whole info")
        // Addis and Ababa tie at one use each: the one seen first stays.
        var tied = WordTable(lexicon: tagger.lexicon)
        _ = tied.ids(for: text)
        tied.forgetNewInfos()
        #expect(tied.keepMostUsed(4) == [0, 1, 2, 3, 4])
        #expect(tied.words[4].lower == WordInfo("Addis", lexicon: tagger.lexicon).lower)
    }

    @Test("the default bound keeps a session's cached words near 20 MB")
    func defaultBound() {
        let perWord = MemoryLayout<ContextWord>.stride + 2 * 5 * BIOTagSet.count * MemoryLayout<Float>.stride
        #expect(ThreadSessions.maxWords * perWord <= 20 << 20)
        #expect(ThreadSessions.maxWords >= 4_096, "a session keeps a news story's working vocabulary")
    }
}
