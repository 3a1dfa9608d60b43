import ArgumentParser

@main
struct Brief: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "A terminal reader for foreign-affairs briefings.",
        subcommands: []
    )
}
