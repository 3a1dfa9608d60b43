import Foundation

/// Turns any error into one readable line (no type dumps, no line breaks).
enum ErrorText {
    static func oneLine(_ error: any Error) -> String {
        let text: String
        if type(of: error) is NSError.Type || error is CocoaError {
            text = (error as NSError).localizedDescription
        } else {
            text = String(describing: error)
        }
        return oneLine(text)
    }

    /// `text` without a leading `brief: ` (some layers' messages already carry it; we add our own).
    static func withoutProgramName(_ text: String) -> String {
        text.hasPrefix("brief: ") ? String(text.dropFirst("brief: ".count)) : text
    }

    static func oneLine(_ text: String) -> String {
        withoutProgramName(text).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: "; ")
    }
}
