import BriefModel
import BriefStore
import BriefSync
import Foundation

/// The protocol client for an account, so the front ends need not know the protocols.
public enum SyncConnection {
    /// The protocols an account may use, by the names `brief account add` takes.
    public static let kinds = SyncKind.allCases.map(\.rawValue)

    /// The bounds of each call: a generous stall limit (tt-rss fetches a feed it is asked to subscribe to before it
    /// answers), and every exchange bounded in time and size all the same.
    public static let limits = HTTPLimits(idleTimeout: 60, totalTimeout: 180)

    /// A service for the account; nil for an unknown protocol name or an address that is not a URL.
    public static func service(kind: String, url: String, user: String, password: String) -> (any SyncService)? {
        guard let kind = SyncKind(rawValue: kind), let base = URL(string: url), base.scheme != nil, base.host != nil else {
            return nil
        }
        switch kind {
        case .ttrss: return TTRSSService(client: TTRSSClient(baseURL: base, user: user, password: password, limits: limits))
        case .fever: return FeverService(client: FeverClient(baseURL: base, email: user, password: password, limits: limits))
        }
    }

    public static func service(for account: StoredAccount, password: String) -> (any SyncService)? {
        service(kind: account.kind, url: account.url, user: account.user, password: password)
    }

    /// The engine for the cache's account (its password from the passwords file, else `BRIEF_PASSWORD`); nil when
    /// the cache has no account. Throws `SyncSetupError` when the account cannot be used.
    public static func engine(store: Store, annotate: @escaping @Sendable (Story) -> Story,
                              secrets: AccountSecrets = .standard(),
                              environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SyncEngine? {
        guard let account = try store.syncAccount() else { return nil }
        let key = AccountSecrets.key(kind: account.kind, url: account.url, user: account.user)
        guard let password = try secrets.password(for: key) ?? environment["BRIEF_PASSWORD"] else {
            throw SyncSetupError(message: "no password kept for \(account.user) at \(account.url) "
                                 + "(add the account again with 'brief account add')")
        }
        guard let service = service(for: account, password: password) else {
            throw SyncSetupError(message: "the account's address \(account.url) is not usable")
        }
        return SyncEngine(store: store, service: service, annotate: annotate)
    }
}
