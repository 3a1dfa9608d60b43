import ArgumentParser
import BriefResources
import BriefModel
import BriefTagger
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// `brief tag [FILE]`: named-entity mentions of plain text as JSON lines; `brief tag --conll FILE`: CoNLL
/// lines back with the predicted BIO tag appended.
struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Tag named entities (PER, ORG, LOC, MISC) in text.",
        discussion: """
            Plain text (the whole input is one document) prints one JSON object per mention:
            {"start","end","type","text","entity"}, offsets counted in Unicode scalars of the input.
            With --conll, the input is CoNLL-2003 columns (token first); every line is written back with the \
            predicted tag appended, -DOCSTART- and blank lines unchanged.
            """)

    @Argument(help: "The input file (default, or `-`: standard input).")
    var file: String?

    @Flag(help: "Read and write CoNLL-2003 columns.")
    var conll = false

    @Option(help: ArgumentHelp("A model directory (default: the bundled model).", valueName: "dir"))
    var model: String?

    func run() throws {
        let name = Self.inputName(file)
        let bytes = try CommandFailure.wrapping("tag") { try Self.readInput(file) }
        let tagger = try CommandFailure.wrapping("tag") { try Self.loadTagger(model) }
        if conll {
            // Part by part (whole documents each), so only one part's tokens and labels are held at a time. Every
            // part is read once before any is tagged: a malformed line anywhere prints nothing but its error.
            let parts = CoNLLCorpus.documentParts(bytes, size: Self.conllPartBytes)
            let slice = { (part: (range: Range<Int>, firstLine: Int)) in
                try CommandFailure.wrapping("tag") {
                    try CoNLLCorpus(bytes: Array(bytes[part.range]), path: name, firstLine: part.firstLine)
                }
            }
            if parts.count > 1 { for part in parts { _ = try slice(part) } }
            // A few parts at a time, one per core (each thread keeps its own tagging session), written in order.
            let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
            for batch in stride(from: 0, to: parts.count, by: width).map({ parts[$0..<min($0 + width, parts.count)] }) {
                let corpora = try batch.map(slice)
                let outputs = Mutex([[UInt8]](repeating: [], count: corpora.count))
                DispatchQueue.concurrentPerform(iterations: corpora.count) { index in
                    let corpus = corpora[index]
                    let labelled = corpus.appendingLabels(tagger.labels(for: corpus.text, documents: corpus.documents))
                    outputs.withLock { $0[index] = labelled }
                }
                outputs.withLock { $0 }.forEach(Self.write)
            }
            return
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let line = Self.firstInvalidLine(bytes)
            throw CommandFailure(message: "tag: \(name):\(line): not valid UTF-8")
        }
        // Offsets stay those of the input as read: masking swaps escape sequences and controls for spaces.
        let masked = TerminalText.masked(text)
        let result = tagger.tagDocument([masked])
        // A mention's text is the input's own (a span may hold a masked control between two words).
        let original = masked == text ? nil : Array(text.unicodeScalars)
        var out = [UInt8]()
        out.reserveCapacity(result.mentions.count * 80)
        for m in result.mentions.first ?? [] {
            out.append(contentsOf: "{\"start\":\(m.start),\"end\":\(m.end),\"type\":\"\(m.type.rawValue)\",\"text\":".utf8)
            var mentionText = m.text
            if let original, m.start >= 0, m.start <= m.end, m.end <= original.count {
                mentionText = String(String.UnicodeScalarView(original[m.start..<m.end]))
            }
            Self.appendJSONString(mentionText, to: &out)
            out.append(contentsOf: ",\"entity\":".utf8)
            Self.appendJSONString(m.entity, to: &out)
            out.append(contentsOf: "}\n".utf8)
        }
        Self.write(out)
    }

    /// What to call the input in messages: the path, or `standard input` for none or `-`.
    static func inputName(_ file: String?) -> String {
        guard let file, file != "-" else { return "standard input" }
        return file
    }

    /// Reads a whole file (or standard input, for none or `-`) as bytes. Reads through a file handle rather
    /// than `FileManager.contents(atPath:)`, which on Linux fails on pipes such as `/dev/stdin` or `<(…)`.
    static func readInput(_ file: String?) throws -> [UInt8] {
        guard let file, file != "-" else { return try readLimited(FileHandle.standardInput, name: "standard input") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            throw TaggerError.unreadable(file, "no such file")
        }
        guard !isDirectory.boolValue else { throw TaggerError.unreadable(file, "is a directory, not a file") }
        guard let handle = FileHandle(forReadingAtPath: file) else {
            throw TaggerError.unreadable(file, "permission denied or not readable")
        }
        defer { try? handle.close() }
        return try readLimited(handle, name: file)
    }

    /// About how many bytes of CoNLL input are tagged at a time.
    static let conllPartBytes = 2 << 20

    /// Inputs larger than this are refused: tagging holds the whole input, its tokens and their labels in
    /// memory (about 35 times the input), and ten copies of the CoNLL training file (33 MB) must still fit.
    static let maxInputBytes = 48 << 20

    /// Reads up to the limit straight into the array (no `Data` copy of tens of megabytes first).
    private static func readLimited(_ handle: FileHandle, name: String) throws -> [UInt8] {
        let fd = handle.fileDescriptor
        var bytes: [UInt8] = []
        var info = stat()
        let size = fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : 0
        bytes.reserveCapacity(min(size, maxInputBytes) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count <= maxInputBytes {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                throw TaggerError.unreadable(name, String(cString: strerror(errno)))
            }
            bytes.append(contentsOf: chunk[0..<n])
        }
        guard bytes.count <= maxInputBytes else {
            throw TaggerError.unreadable(name, "input is larger than the \(maxInputBytes >> 20) MiB limit; split it")
        }
        return bytes
    }

    /// The bundled model, or the one in `directory`.
    static func loadTagger(_ directory: String?) throws -> Tagger {
        try Tagger.load(from: directory.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? BriefResources.nerModel)
    }

    static func write(_ bytes: [UInt8]) {
        var offset = 0
        // Large outputs go out in 4 MB writes.
        while offset < bytes.count {
            let end = min(offset + (4 << 20), bytes.count)
            FileHandle.standardOutput.write(Data(bytes[offset..<end]))
            offset = end
        }
    }

    private static func firstInvalidLine(_ bytes: [UInt8]) -> Int {
        var line = 1, start = 0
        for (k, b) in bytes.enumerated() where b == 0x0A {
            if String(validating: bytes[start..<k], as: UTF8.self) == nil { return line }
            line += 1
            start = k + 1
        }
        return line
    }
}

extension TagCommand {
    /// Appends a JSON string literal, escaping quotes, backslashes, control characters and invisible
    /// direction or format characters (so hostile text cannot reorder or hide what a terminal shows).
    fileprivate static func appendJSONString(_ s: String, to out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(0x22)
        for scalar in s.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: out.append(contentsOf: [0x5C, 0x72])
            case 0x09: out.append(contentsOf: [0x5C, 0x74])
            case 0..<0x20, 0x7F...0x9F, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x206F, 0xFEFF:
                // One digit at a time: a single array literal of these makes the type checker give up
                // on a busy machine.
                out.append(0x5C)
                out.append(0x75)
                for shift in stride(from: 12, through: 0, by: -4) {
                    let digit: Int = Int(v >> UInt32(shift)) & 15
                    out.append(hex[digit])
                }
            default: out.append(contentsOf: String(scalar).utf8)
            }
        }
        out.append(0x22)
    }
}
