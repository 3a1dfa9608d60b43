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
}
