import ArgumentParser
import BriefLibrary
import BriefModel
import BriefStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `brief reannotate`: re-tags the stories an older Brief tagged, so their entities link to canonical entities.
struct ReannotateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reannotate",
        abstract: "Re-tag the stories an older entity model tagged (after upgrading Brief).",
        discussion: """
            Each story stored with an older annotation is tagged again from the text the cache keeps, on every \
            core, and its mentions and entities replaced, 64 stories a transaction: read marks, quotes and feed \
            items stay. Interrupted (even killed), it loses nothing; run it again to finish. Progress goes to \
            stderr on a terminal; the summary line goes to stderr. With nothing to do it says so and changes nothing.
            """)

    @OptionGroup var cache: CacheOptions

    func run() throws {
        let outcome = try CommandFailure.wrapping("reannotate") { () throws -> StoryPassOutcome in
            let store = try cache.openWritableStore("reannotate")
            guard try !store.storiesAnnotated(below: StoryAnnotator.version).isEmpty else { return StoryPassOutcome() }
            let annotator = try ModelLoading.bundled().annotator()
            let progress = isatty(STDERR_FILENO) == 1
            let outcome = try Reannotator(store: store, annotate: annotator.annotate).run { done, total in
                guard progress, done == total || done % 10 == 0 else { return }
                FileHandle.standardError.write(Data("\rre-annotating stories \(done)/\(total)\u{1B}[K".utf8))
            }
            if progress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            return outcome
        }
        Console.error(outcome.summary { "re-annotated \($0)" })
        if let failure = outcome.damagedFailure("reannotate") { throw failure }
    }
}
