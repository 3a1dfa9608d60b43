/// Why a link could not be opened, as one line.
public enum LinkOpenError: Error, Equatable, Sendable, CustomStringConvertible {
    case noLink
    case notWebAddress(String)
    case notFound(String)
    case cannotStart(String, String)
    case failed(String, Int32)

    public var description: String {
        switch self {
        case .noLink: "this story has no link"
        case let .notWebAddress(link): "not a web address: \(link)"
        case let .notFound(browser): "browser not found: \(browser) (set BROWSER)"
        case let .cannotStart(browser, reason): "cannot start the browser \(browser): \(reason)"
        case let .failed(browser, status): "the browser \(browser) failed (exit \(status))"
        }
    }
}
