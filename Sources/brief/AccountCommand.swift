import ArgumentParser

/// `brief account add|list|remove`: the one sync account (a TT-RSS or Fever server).
struct AccountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account",
        abstract: "Add, list and remove the sync account (sync it with 'brief sync').",
        subcommands: [AccountAddCommand.self, AccountListCommand.self, AccountRemoveCommand.self])
}
