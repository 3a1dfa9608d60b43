import ArgumentParser

/// `brief opml import|export`: exchanging subscription lists with other feed readers.
struct OPMLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opml",
        abstract: "Import or export feed subscriptions as OPML.",
        subcommands: [OPMLImportCommand.self, OPMLExportCommand.self])
}
