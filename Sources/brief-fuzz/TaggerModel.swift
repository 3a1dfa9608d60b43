import BriefTagger
import Foundation

/// The NER model for the `tagger` target, loaded once per process from `BRIEF_NER_MODEL` or else `Resources/ner`
/// under the current directory. Without a model the target still fuzzes the tokeniser (said once on stderr).
enum TaggerModel {
    static let shared: Tagger? = load()

    private static func load() -> Tagger? {
        let path = ProcessInfo.processInfo.environment["BRIEF_NER_MODEL"] ?? "Resources/ner"
        do {
            let tagger = try Tagger.load(from: URL(fileURLWithPath: path, isDirectory: true))
            FuzzLog.say("tagger model loaded from \(path)")
            return tagger
        } catch {
            FuzzLog.say("no tagger model at \(path) (\(error)); fuzzing the tokeniser only")
            return nil
        }
    }
}
