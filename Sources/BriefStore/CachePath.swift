import Foundation

/// Where the cache lives: `--db PATH`, else `BRIEF_DB`, else `$XDG_DATA_HOME/brief/brief.sqlite`
/// (`~/.local/share/brief/brief.sqlite` when `XDG_DATA_HOME` is unset or empty).
public enum CachePath {
    /// The cache path for an explicit `--db` value (or nil) and the process environment.
    public static func resolve(explicit: String?,
                               environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit, !explicit.isEmpty { return expandTilde(explicit) }
        if let fromEnvironment = environment["BRIEF_DB"], !fromEnvironment.isEmpty { return expandTilde(fromEnvironment) }
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            dataHome = xdg  // the XDG spec ignores relative values
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            dataHome = (home as NSString).appendingPathComponent(".local/share")
        }
        return (dataHome as NSString).appendingPathComponent("brief/brief.sqlite")
    }

    private static func expandTilde(_ path: String) -> String { (path as NSString).expandingTildeInPath }
}
