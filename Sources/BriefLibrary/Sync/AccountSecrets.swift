import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Sync passwords, kept apart from the cache: a JSON file beside the config (`$XDG_CONFIG_HOME/brief/secrets.json`,
/// else `~/.config/brief/secrets.json`) that only its owner may read or write (0600, in a 0700 directory when
/// Brief creates it). Passwords are filed by protocol, user and server, so two caches' accounts do not clash.
public struct AccountSecrets: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The secrets file for this environment.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> AccountSecrets {
        let configHome: String
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            configHome = xdg
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            configHome = (home as NSString).appendingPathComponent(".config")
        }
        return AccountSecrets(path: (configHome as NSString).appendingPathComponent("brief/secrets.json"))
    }

    public static func key(kind: String, url: String, user: String) -> String { "\(kind) \(user) \(url)" }

    public func password(for key: String) throws -> String? {
        try entries()[key]
    }

    public func setPassword(_ password: String?, for key: String) throws {
        var all = try entries()
        all[key] = password
        try write(all)
    }

    private func entries() throws -> [String: String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: String] else {
            throw AccountSecretsError(path: path, reason: "not a JSON object of passwords")
        }
        return object
    }

    /// Writes a new file with mode 0600 from the start, then renames it over the old one.
    private func write(_ entries: [String: String]) throws {
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw AccountSecretsError(path: path, reason: "cannot create \(directory)")
        }
        let data = (try? JSONSerialization.data(withJSONObject: entries, options: [.sortedKeys])) ?? Data("{}".utf8)
        let temporary = path + ".\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_EXCL, 0o600)
        guard fd >= 0 else { throw AccountSecretsError(path: path, reason: "cannot write \(temporary)") }
        let written = data.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == data.count, synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw AccountSecretsError(path: path, reason: "cannot write it")
        }
    }
}
