import BriefModel
import BriefStore
import BriefTagger
import Foundation
import Synchronization

/// The import pipeline shared by `brief import` and the benchmark: walk paths → read bytes → decode →
/// parse → annotate → store, collecting one failure per bad file instead of stopping.
///
/// Files are prepared in parallel (decoding, parsing and tagging are pure) and stored in batches,
/// one transaction each, so a story is stored whole or not at all and a bad file never costs a good one. A feed
/// file's items are prepared and stored a chunk at a time (`FeedImportItem.chunkSize`), so a batch of feed files
/// holds their parsed items, not thousands of prepared stories each. Each batch or chunk is stored on a writer
/// thread of its own while the next is prepared (`PipelineWriter`).
///
/// ```swift
/// let tagger = try Tagger.load(from: BriefResources.nerModel)
/// let importer = Importer(store: store, annotate: StoryAnnotator(tagger: tagger).annotate)
/// let report = try importer.importPaths(["~/briefings"])
/// print(report.summary)   // imported 12 new, 3 already present, 1 failed
/// ```
public struct Importer: Sendable {
    public let store: Store
    /// Fills a parsed story's mentions and entities (the tagger); identity when tagging is off.
    public let annotate: @Sendable (Story) -> Story
    /// Stories per write transaction.
    public var batchSize: Int

    public init(store: Store, annotate: @escaping @Sendable (Story) -> Story, batchSize: Int = 256) {
        self.store = store
        self.annotate = annotate
        self.batchSize = max(1, batchSize)
    }

    /// An importer that tags with the model in `modelDirectory`, loaded once here.
    /// When that directory does not exist at all, stories are imported untagged and `modelMissing` is true,
    /// so the caller can say so; a model that exists but cannot be read is an error.
    public init(store: Store, taggerModel modelDirectory: URL, batchSize: Int = 256) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: modelDirectory.path, isDirectory: &isDirectory), isDirectory.boolValue {
            let annotator = StoryAnnotator(tagger: try Tagger.load(from: modelDirectory))
            self.init(store: store, annotate: annotator.annotate, batchSize: batchSize)
        } else {
            self.init(store: store, annotate: { $0 }, batchSize: batchSize)
            modelMissing = true
        }
    }

    /// True when there was no entity model to load, so stories are stored without entity tags.
    public private(set) var modelMissing = false

    /// File extensions imported from directories; other files there are skipped (and counted).
    /// A file named explicitly is imported whatever its extension.
    static let textExtensions: Set<String> = ["txt", "text", "md", "markdown"]

    /// Imports files and directories (recursively, skipping hidden names).
    /// - Parameter sourceName: the `source` recorded for a file without front matter `source:`
    ///   (default: its absolute path).
    /// - Throws: only when the cache itself fails; bad files are reported in the result.
    public func importPaths(_ paths: [String],
                            sourceName: @escaping @Sendable (String) -> String = Importer.fileName)
        throws -> ImportReport {
        let walk = Self.files(in: paths)
        var report = ImportReport()
        report.failures = walk.failures
        report.skipped = walk.skipped
        // Each batch's stories, then each chunk of its feed files, are stored on the writer's thread while the next
        // unit is prepared.
        let writer = PipelineWriter<ImportOutcome>()
        let batches = Self.batches(walk.files.count, size: batchSize)
        for (b, range) in batches.enumerated() {
            let batch = Array(walk.files[range])
            let prepared = prepare(batch, sourceName: sourceName)
            var items: [ImportItem] = []
            var feeds: [(key: String, items: [FeedItem], source: String)] = []
            for (path, result) in zip(batch, prepared) {
                switch result {
                case .story(let item): items.append(item)
                case .feed(let key, let feedItems, let source, let notes):
                    feeds.append((key, feedItems, source))
                    report.notes += notes.map { "\(path): \($0)" }
                case .failure(let failure): report.failures.append(failure)
                }
            }
            // Even none: a read-only cache says so here (`requireWritable`), as it always has.
            let store = self.store, stories = items
            try writer.store { try store.importStories(stories) }
            for (f, feed) in feeds.enumerated() {
                try importFeed(key: feed.key, items: feed.items, source: feed.source, writer: writer,
                               last: b == batches.count - 1 && f == feeds.count - 1)
            }
        }
        for outcome in try writer.finish() {
            switch outcome {
            case .new(let id): report.new.append(id)
            case .existing(let id): report.existing.append(id)
            case .updated(let id): report.updated.append(id)
            }
        }
        report.failures.sort { $0.path < $1.path }
        return report
    }

    /// Turns a text file's bytes into a story ready to store, or says why it cannot.
    func prepareText(_ data: Data, path: String, sourceName: (String) -> String) -> Result<ImportItem, ImportFailure> {
        let text: String
        do {
            text = try SourceText.decode(data)
        } catch {
            return .failure(ImportFailure(path: path, reason: error.description))
        }
        let format = SourceFormat.guess(path: path)
        // The import day gives a dateline written without a year (`March 3`) its year.
        let parsed = ArticleParser.parse(text, format: format, reference: Date())
        if parsed.story.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
           parsed.story.sections.allSatisfy({ $0.paragraphs.isEmpty }) {
            return .failure(ImportFailure(path: path, reason: "no headline or text found"))
        }
        let story = annotate(parsed.story)
        return .success(ImportItem(story: story, originalText: text, source: parsed.source ?? sourceName(path),
                                   published: parsed.published, format: format))
    }

    /// A file's name without its folders: the `source` of an imported file (its path is the user's business).
    public static func fileName(_ path: String) -> String {
        URL(fileURLWithPath: path).lastPathComponent
    }

    /// The absolute, standardised form of `path`.
    public static func absolutePath(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// The files to import under `paths`, in a stable order; paths that do not exist are failures.
    static func files(in paths: [String]) -> (files: [String], failures: [ImportFailure], skipped: [String]) {
        let fileManager = FileManager.default
        var files: [String] = [], failures: [ImportFailure] = [], skipped: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                failures.append(ImportFailure(path: path, reason: "no such file or directory"))
                continue
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            guard let names = try? fileManager.subpathsOfDirectory(atPath: path) else {
                failures.append(ImportFailure(path: path, reason: "cannot read directory"))
                continue
            }
            for name in names.sorted() {
                // Skip hidden files and anything inside hidden directories.
                if name.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                let full = (path as NSString).appendingPathComponent(name)
                var isSubdirectory: ObjCBool = false
                guard fileManager.fileExists(atPath: full, isDirectory: &isSubdirectory), !isSubdirectory.boolValue
                else { continue }
                let ext = (name as NSString).pathExtension.lowercased()
                if ext.isEmpty || textExtensions.contains(ext) || feedExtensions.contains(ext) {
                    files.append(full)
                } else {
                    skipped.append(full)
                }
            }
        }
        return (files, failures, skipped)
    }

    // MARK: - Private

    /// The batches of `count` files, `size` at a time; the last, when large enough, cut in two
    /// (`FeedImportItem.finalPart`), so that its first part is stored while its last part is prepared: the store of
    /// the import's last unit is the only one no preparing overlaps.
    static func batches(_ count: Int, size: Int) -> [Range<Int>] {
        let starts = Array(stride(from: 0, to: count, by: size))
        return starts.enumerated().flatMap { k, start in
            FeedImportItem.parts(start..<min(start + size, count), last: k == starts.count - 1)
        }
    }

    /// Prepares a feed file's items a chunk at a time (`FeedImportItem.chunkSize`) and hands each chunk to `writer`,
    /// to be stored in a transaction of its own while the next is prepared; the first tells the store every item the
    /// feed carries. The last chunk of the import's `last` unit goes in two parts, as the last batch does (`batches`).
    private func importFeed(key: String, items: [FeedItem], source: String, writer: PipelineWriter<ImportOutcome>,
                            last: Bool) throws {
        let carried = items.map(\.id)
        let chunks = FeedImportItem.chunks(items)
        for (k, chunk) in chunks.enumerated() {
            let parts = FeedImportItem.parts(chunk, last: last && k == chunks.count - 1)
            for (j, part) in parts.enumerated() {
                let prepared = FeedImportItem.prepare(Array(part), source: source, annotate: annotate)
                let store = self.store, chunkCarried = k == 0 && j == 0 ? carried : nil
                try writer.store { try store.importFeedItems(feedURL: key, items: prepared, carried: chunkCarried) }
            }
        }
    }

    /// Prepares a batch on all cores, keeping the batch's order.
    private func prepare(_ batch: [String], sourceName: @escaping @Sendable (String) -> String)
        -> [PreparedFile] {
        let results = Mutex<[Int: PreparedFile]>([:])
        DispatchQueue.concurrentPerform(iterations: batch.count) { index in
            let result = prepareFile(path: batch[index], sourceName: sourceName)
            results.withLock { $0[index] = result }
        }
        return results.withLock { done in
            batch.indices.map { done[$0] ?? .failure(ImportFailure(path: batch[$0], reason: "not prepared")) }
        }
    }

    enum ReadError: Error {
        case failed(String)
        var reason: String { if case .failed(let reason) = self { reason } else { "" } }
    }

    /// Reads a file, refusing what is not a regular file (a FIFO would block) or is too large to be a story,
    /// before loading it.
    static func read(_ path: String) throws(ReadError) -> Data {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw .failed(errno == EACCES ? "permission denied" : "no such file or directory")
        }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .failed("not a regular file") }
        if info.st_size > SourceText.maxBytes {
            throw .failed(SourceTextError.tooLarge(byteCount: Int(info.st_size), limit: SourceText.maxBytes).description)
        }
        guard FileManager.default.isReadableFile(atPath: path), let data = FileManager.default.contents(atPath: path)
        else {
            throw .failed("permission denied")
        }
        return data
    }
}
