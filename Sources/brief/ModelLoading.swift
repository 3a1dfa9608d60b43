import BriefModel
import BriefResources
import BriefTagger
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// The entity model, loading on a thread of its own from the moment `brief` starts the reader, so the
/// first frame does not wait for it (tens of milliseconds). What needs it waits for it: importing the samples
/// into an empty cache, and a feed refresh. A model that cannot be read is an error there, before anything
/// is stored, never a story stored untagged.
final class ModelLoading: Sendable {
    /// The model's directory.
    let directory: URL
    private let result = Mutex<Result<StoryAnnotator, any Error>?>(nil)
    private let finished = DispatchGroup()

    /// Starts loading the model in `directory` (which must exist: a missing model is the caller's error to
    /// report at once).
    init(directory: URL) {
        self.directory = directory
        finished.enter()
        let thread = Thread { [self] in
            // Lower this thread's priority (on Linux a nice value is per thread): on a busy machine the first
            // frame, on the main thread, gets the processor first.
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
            let loaded = Result { StoryAnnotator(tagger: try Tagger.load(from: directory)) }
            result.withLock { $0 = loaded }
            finished.leave()
        }
        thread.name = "entity model"
        thread.start()
    }

    /// Starts loading the model shipped beside the binary; throws `MissingModelError` at once when it is not
    /// there (stories imported untagged would stay untagged).
    static func bundled() throws -> ModelLoading {
        let directory = try BriefResources.locateRoot().appendingPathComponent("ner", isDirectory: true)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw MissingModelError(path: directory.path)
        }
        return ModelLoading(directory: directory)
    }

    /// The model, once loaded; throws `ModelLoadingError` when it cannot be read.
    func annotator() throws -> StoryAnnotator {
        finished.wait()
        guard let loaded = result.withLock({ $0 }) else {
            throw ModelLoadingError(path: directory.path, reason: "\(directory.path) was not loaded")
        }
        do {
            return try loaded.get()
        } catch {
            throw ModelLoadingError(path: directory.path, reason: ErrorText.oneLine(error))
        }
    }

    /// Why the model could not be read, if loading has finished and failed; nil while it is still loading
    /// or when it loaded (so quitting never waits for it).
    var failure: ModelLoadingError? {
        guard finished.wait(timeout: .now()) == .success else { return nil }
        do {
            _ = try annotator()
            return nil
        } catch let error as ModelLoadingError {
            return error
        } catch {
            return ModelLoadingError(path: directory.path, reason: ErrorText.oneLine(error))
        }
    }
}
