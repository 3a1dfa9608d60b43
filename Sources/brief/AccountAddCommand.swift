import ArgumentParser
import BriefLibrary
import BriefStore
import Foundation

/// `brief account add ttrss|fever URL --user NAME`: checks the login with the server, then keeps the account in
/// the cache and its password in the passwords file beside the config (0600), never in the cache.
struct AccountAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Set the sync account (one at a time; replaces the current one).",
        discussion: """
            URL is the server's base address, the one a browser opens (Brief finds the API under it). The password \
            comes from --password-command (its first line of output), else $BRIEF_PASSWORD, else a prompt that \
            does not echo (or one line of standard input when it is not a terminal); it is never an argument. \
            The login is checked before anything is kept. The password is kept in $XDG_CONFIG_HOME/brief/\
            secrets.json (mode 0600), the account in the cache.
            """)

    @OptionGroup var cache: CacheOptions

    @Argument(help: ArgumentHelp("The protocol: ttrss or fever.", valueName: "kind"))
    var kind: String

    @Argument(help: ArgumentHelp("The server's base address.", valueName: "url"))
    var url: String

    @Option(help: ArgumentHelp("The user name (Fever: the e-mail address).", valueName: "name"))
    var user: String

    @Option(name: .customLong("password-command"),
            help: ArgumentHelp("A command printing the password (e.g. 'pass show rss').", valueName: "command"))
    var passwordCommand: String?

    func validate() throws {
        guard SyncConnection.kinds.contains(kind) else {
            throw ValidationError("unknown account kind '\(kind)': use \(SyncConnection.kinds.joined(separator: " or "))")
        }
        guard SyncConnection.service(kind: kind, url: url, user: user, password: "") != nil else {
            throw ValidationError("'\(url)' is not a server address (give one like https://rss.example.org/)")
        }
        if user.isEmpty { throw ValidationError("--user must not be empty") }
    }

    func run() async throws {
        let store = try CommandFailure.wrapping("account add") { try cache.openStore() }
        let password = try CommandFailure.wrapping("account add") {
            try PasswordInput.read(command: passwordCommand, prompt: "Password for \(user) at \(url): ")
        }
        guard let service = SyncConnection.service(kind: kind, url: url, user: user, password: password) else {
            throw CommandFailure(message: "account add: '\(url)' is not a server address")
        }
        do {
            try await service.verify()
        } catch {
            throw CommandFailure(message: "account add: \(ErrorText.oneLine(error)); no account was added")
        }
        try CommandFailure.wrapping("account add") {
            try AccountSecrets.standard().setPassword(password, for: AccountSecrets.key(kind: kind, url: url, user: user))
            try store.setSyncAccount(kind: kind, url: url, user: user)
        }
        Console.error("account added: \(kind) \(url) as \(user); run 'brief sync'")
    }
}
