import Foundation

/// Locates the files shipped in the top-level `Resources/` folder (samples, NER model, notices).
///
/// SwiftPM copies them into a `Brief_BriefResources.resources` folder beside the built binary; an installed
/// binary needs that folder next to it. The lookup never traps (SwiftPM's own `Bundle.module` would):
/// `locateRoot()` throws a clear error naming where it looked.
public enum BriefResources {
    /// The folder SwiftPM builds beside the binary for this target's resources.
    public static let bundleName = "Brief_BriefResources.resources"

    /// The `Resources/` folder, or an error naming the places searched.
    public static func locateRoot() throws(BriefResourcesError) -> URL {
        let candidates = searchDirectories.map {
            $0.appendingPathComponent(bundleName, isDirectory: true).appendingPathComponent("Resources", isDirectory: true)
        }
        for candidate in candidates {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
                return candidate
            }
        }
        throw BriefResourcesError(searched: candidates.map(\.path))
    }

    /// The `Resources/` folder inside the resource bundle. When the bundle is missing this names where it
    /// should have been (beside the binary), so opening a file there fails with an ordinary file error.
    public static var root: URL {
        (try? locateRoot()) ?? (searchDirectories.first ?? URL(fileURLWithPath: "."))
            .appendingPathComponent(bundleName, isDirectory: true).appendingPathComponent("Resources", isDirectory: true)
    }

    /// The bundled sample briefings.
    public static var samples: URL { root.appendingPathComponent("samples", isDirectory: true) }

    /// The trained named-entity model.
    public static var nerModel: URL { root.appendingPathComponent("ner", isDirectory: true) }

    /// The running binary's directory (symlinks resolved), then the main bundle's.
    private static var searchDirectories: [URL] {
        var directories: [URL] = []
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        if executable.path != "/proc/self/exe" { directories.append(executable.deletingLastPathComponent()) }
        if let argument = CommandLine.arguments.first, argument.contains("/") {
            directories.append(URL(fileURLWithPath: argument).resolvingSymlinksInPath().deletingLastPathComponent())
        }
        directories.append(Bundle.main.bundleURL)
        var seen = Set<String>()
        return directories.filter { seen.insert($0.standardizedFileURL.path).inserted }
    }
}
