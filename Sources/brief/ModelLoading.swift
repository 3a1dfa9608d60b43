import BriefModel
import BriefResources
import BriefTagger
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// The entity model, loaded on a thread of its own the first time something asks for it (or at once, when
/// made with `startingNow`), so no frame waits for it. In the reader only what needs it asks: importing the
/// samples into an empty cache, a feed refresh, a sync. A reader that only reads never loads it, and keeps its
/// tens of megabytes for itself. A model that cannot be read is an error there, before anything is stored,
/// never a story stored untagged.
final class ModelLoading: Sendable {
    /// The model's directory.
    let directory: URL
    private let result = Mutex<Result<StoryAnnotator, any Error>?>(nil)
    private let finished = DispatchGroup()
    private let started = Mutex(false)

    /// Prepares to load the model in `directory` (which must exist: a missing model is the caller's error to
    /// report at once); with `startingNow`, loading starts at once.
    init(directory: URL, startingNow: Bool = true) {
        self.directory = directory
        finished.enter()
        if startingNow { start() }
    }

    /// Starts loading the model on its own thread, unless it has started already.
    func start() {
        guard started.withLock({ started in
            defer { started = true }
            return !started
        }) else { return }
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

    /// The model shipped beside the binary, loading at once unless `startingNow` is false; throws
    /// `MissingModelError` at once when it is not there (stories imported untagged would stay untagged).
    static func bundled(startingNow: Bool = true) throws -> ModelLoading {
        let directory = try BriefResources.locateRoot().appendingPathComponent("ner", isDirectory: true)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw MissingModelError(path: directory.path)
        }
        return ModelLoading(directory: directory, startingNow: startingNow)
    }

    /// The model, once loaded (starting to load it first if nothing has yet); throws `ModelLoadingError` when it
    /// cannot be read.
    func annotator() throws -> StoryAnnotator {
        start()
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

    /// Why the model could not be read, if loading has finished and failed; nil while it is still loading,
    /// when it was never asked for, or when it loaded (so quitting never waits for it).
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
