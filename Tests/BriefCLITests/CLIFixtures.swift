import Foundation

/// Input files for the CLI tests, written in our own words.
enum CLIFixtures {
    static let ferryStory = """
        Ferry talks resume between island states

        VALLETTA (Brief Wire) - Transport ministers from three island states met on Tuesday to revive a \
        shared ferry timetable. "We want one ticket for the whole route," the Maltese minister said.

        Officials expect a draft agreement before the summer season.
        """

    static let grainStory = """
        # Grain corridor insurers raise premiums

        ## Markets

        Insurers raised premiums for ships using the grain corridor after a week of drone alerts.
        """

    static let hostileStory = "Headline with \u{1B}[2J\u{1B}]0;owned\u{07}escapes and \u{202E}reversed\u{202C} text\n\n"
        + "ODESSA (Brief Wire) - A paragraph with \u{1B}[31mred\u{1B}[0m words and a bell\u{07} in it.\n"

    /// Writes `files` (relative path → bytes) under `directory`, creating folders.
    static func write(_ files: [String: Data], in directory: URL) throws {
        for (path, bytes) in files {
            let url = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try bytes.write(to: url)
        }
    }

    /// Parses stdout as one JSON document.
    static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }
}
