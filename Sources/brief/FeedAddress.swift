import BriefModel
import Foundation

/// Checks a feed address given on the command line: only absolute http and https addresses can be fetched.
enum FeedAddress {
    /// `text` trimmed, if it is an http(s) address with a host; else a one-line failure naming it.
    static func validated(_ text: String, command: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty else {
            throw CommandFailure(message: "\(command): not an http or https address: \(TerminalText.sanitize(ErrorText.oneLine(text)))")
        }
        return trimmed
    }
}
