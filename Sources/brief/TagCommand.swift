import ArgumentParser
import BriefResources
import BriefTagger
import Foundation

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

    @Argument(help: "The input file (default: standard input).")
    var file: String?

    @Flag(help: "Read and write CoNLL-2003 columns.")
    var conll = false

    @Option(help: ArgumentHelp("A model directory (default: the bundled model).", valueName: "dir"))
    var model: String?

    func run() throws {
        let name = file ?? "standard input"
        let bytes = try CommandFailure.wrapping("tag") { try Self.readInput(file) }
        let tagger = try CommandFailure.wrapping("tag") { try Self.loadTagger(model) }
        if conll {
            let corpus = try CommandFailure.wrapping("tag") { try CoNLLCorpus(bytes: bytes, path: name) }
            let labels = tagger.labels(for: corpus.text, documents: corpus.documents)
            Self.write(corpus.appendingLabels(labels))
            return
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let line = Self.firstInvalidLine(bytes)
            throw CommandFailure(message: "tag: \(name):\(line): not valid UTF-8")
        }
        let result = tagger.tagDocument([text])
        var out = [UInt8]()
        out.reserveCapacity(result.mentions.count * 80)
        for m in result.mentions.first ?? [] {
            out.append(contentsOf: "{\"start\":\(m.start),\"end\":\(m.end),\"type\":\"\(m.type.rawValue)\",\"text\":".utf8)
            Self.appendJSONString(m.text, to: &out)
            out.append(contentsOf: ",\"entity\":".utf8)
            Self.appendJSONString(m.entity, to: &out)
            out.append(contentsOf: "}\n".utf8)
        }
        Self.write(out)
    }

    /// Reads a whole file (or standard input) as bytes.
    static func readInput(_ file: String?) throws -> [UInt8] {
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw TaggerError.unreadable(file, "no such file or not readable")
            }
            return [UInt8](data)
        }
        return [UInt8](FileHandle.standardInput.readDataToEndOfFile())
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
