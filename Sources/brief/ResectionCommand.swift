import ArgumentParser
import BriefLibrary
import BriefModel
import BriefStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `brief resection`: sections again the stories an older Brief sectioned, so their quotes have linked speakers,
/// descriptions and translations, turns their speakers, and datelines their days.
struct ResectionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resection",
        abstract: "Section again the stories an older sectioner stored (after upgrading Brief).",
        discussion: """
            Each story stored by an older sectioner is parsed again from its original text and tagged, on every \
            core, and its sections, quotes and entities replaced, 64 stories a transaction: read marks, stars and \
            feed items stay, and a story without a date takes its dateline's. Interrupted (even killed), it loses \
            nothing; run it again to finish. Progress goes to stderr on a terminal; so does the summary line.
            """)

    @OptionGroup var cache: CacheOptions

    func run() throws {
        let outcome = try CommandFailure.wrapping("resection") { () throws -> StoryPassOutcome in
            let store = try cache.openWritableStore("resection")
            guard try !store.storiesSectioned(below: ArticleParser.version).isEmpty else { return StoryPassOutcome() }
            let annotate = try ModelLoading.bundled().annotator().annotate
            let terminal = isatty(STDERR_FILENO) == 1
            let outcome = try Resectioner(store: store, annotate: annotate).run { done, total in
                guard terminal, done == total || done % 10 == 0 else { return }
                FileHandle.standardError.write(Data("\rsectioning stories again \(done)/\(total)\u{1B}[K".utf8))
            }
            if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            return outcome
        }
        Console.error(outcome.summary { "sectioned \($0) again" })
        if let failure = outcome.damagedFailure("resection") { throw failure }
    }
}
