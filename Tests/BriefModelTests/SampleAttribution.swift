/// Attribution figures on the bundled samples against `SampleCheckList`: how many quotes, how many with a
/// speaker, and how many checked quotes have the right speaker, strictly (the name in full, or none where the
/// story names no person) and leniently (the speaker names the right person by part of the name, or is a
/// description where the story names no person).
struct SampleAttribution {
    var quotes = 0
    var withSpeaker = 0
    var checked = 0
    var strict = 0
    var lenient = 0
    var misses: [String] = []

    /// `parse` gives the (text, speaker) of a sample's quotes.
    init(files: [String], parse: (String) -> [(text: String, speaker: String?)]) {
        var byFile: [String: [(text: String, speaker: String?)]] = [:]
        for file in files {
            let found = parse(file)
            byFile[file] = found
            quotes += found.count
            withSpeaker += found.filter { $0.speaker != nil }.count
        }
        for entry in SampleCheckList.entries {
            checked += 1
            let found = byFile[entry.file]?.first { $0.text.hasPrefix(entry.quote) }
            let speaker = found?.speaker
            if found != nil, speaker == entry.speaker { strict += 1 }
            if found != nil, Self.samePerson(speaker, entry.speaker) {
                lenient += 1
            }
            if found == nil || speaker != entry.speaker {
                misses.append("\(entry.file): “\(entry.quote)” → \(speaker ?? "nil") (expected \(entry.speaker ?? "nil"))\(found == nil ? " [quote not found]" : "")")
            }
        }
    }

    static func samePerson(_ actual: String?, _ expected: String?) -> Bool {
        guard let expected else { return actual == nil || actual?.first?.isLowercase == true }
        guard let actual else { return false }
        let want = expected.lowercased().split(separator: " ")
        let title: Set<Substring> = ["mr", "mr.", "ms", "ms.", "spokesperson", "minister", "deputy", "foreign"]
        let have = actual.lowercased().split(separator: " ").filter { !title.contains($0) }
        guard !have.isEmpty, have.count <= want.count else { return false }
        return (0...(want.count - have.count)).contains { Array(want[$0..<($0 + have.count)]) == have }
    }

    var summary: String {
        "quotes \(quotes), with speaker \(withSpeaker), checked \(checked), correct strictly \(strict), correct leniently \(lenient)"
    }
}
