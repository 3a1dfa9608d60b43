import BriefLibrary

extension StoryPassOutcome {
    /// The summary line of `brief reannotate` / `resection`: `line` says what was done to "1 story", "3 stories"
    /// or "no story" (when every pending story was damaged).
    func summary(_ line: (String) -> String) -> String {
        if updated == 0 && damaged.isEmpty { return "every story is up to date" }
        return line(updated == 0 ? "no story" : "\(updated) stor\(updated == 1 ? "y" : "ies")")
    }

    /// The failure of a pass that left stories it could not read, naming them (the first ten) for `brief show`.
    func damagedFailure(_ command: String) -> CommandFailure? {
        guard let first = damaged.first else { return nil }
        if damaged.count == 1 {
            return CommandFailure(message: "\(command): story \(first)'s text in the cache is damaged and cannot be read; "
                                  + "it was left as it was")
        }
        let shown = damaged.prefix(10).map(String.init).joined(separator: ", ") + (damaged.count > 10 ? ", …" : "")
        return CommandFailure(message: "\(command): the text of \(damaged.count) stories in the cache is damaged and "
                              + "cannot be read (stories \(shown)); they were left as they were")
    }
}
