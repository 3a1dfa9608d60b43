/// The `source` recorded for a bundled sample: `samples/NAME`, not the path inside the build folder.
enum SampleSource {
    @Sendable static func name(_ path: String) -> String {
        "samples/" + (path.split(separator: "/").last.map(String.init) ?? path)
    }
}
