// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Brief",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "brief", targets: ["brief"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // Model layer: pure value types and transformations. Foundation only.
        .target(name: "BriefTagger"),
        .target(name: "BriefModel", dependencies: ["BriefTagger"]),
        // Store layer: the SQLite cache (GRDB); the only writer.
        .target(name: "BriefStore", dependencies: [
            "BriefModel", .product(name: "GRDB", package: "GRDB.swift"),
            // SQLite's C API, for the import's hot inserts (RowInsert).
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        // Feeds layer: HTTP fetching and feed formats.
        .target(name: "BriefFeeds", dependencies: ["BriefModel", "BriefStore"]),
        // Sync layer: clients of feed servers' APIs (TT-RSS, Fever), HTTP only; no store.
        .target(name: "BriefSync", dependencies: ["BriefModel"]),
        // TUI layer: state, update, view into a cell grid, and a thin ncurses backend.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .target(name: "BriefTUI", dependencies: ["BriefModel", "BriefStore", "BriefFeeds", "CNcursesw", "TOMLKit"]),
        // The top-level Resources/ folder: samples, NER model, notices.
        .target(name: "BriefResources", resources: [.copy("../../Resources")]),
        .executableTarget(name: "brief", dependencies: [
            "BriefModel", "BriefTagger", "BriefStore", "BriefFeeds", "BriefTUI", "BriefResources",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "brief-bench", dependencies: [
            "BriefModel", "BriefTagger", "BriefStore", "BriefFeeds", "BriefTUI", "BriefResources",
        ]),
        // libFuzzer targets for the parsers (scripts/fuzz builds it with `-D BRIEF_FUZZING`); a plain build gives
        // a replayer that runs saved inputs through the same checks.
        .executableTarget(name: "brief-fuzz", dependencies: ["BriefModel", "BriefTagger"]),
        .testTarget(name: "BriefTaggerTests", dependencies: ["BriefTagger"]),
        .testTarget(name: "BriefModelTests", dependencies: ["BriefModel"]),
        .testTarget(name: "BriefStoreTests", dependencies: ["BriefStore", "BriefModel"], resources: [.copy("Fixtures")]),
        .testTarget(name: "BriefFeedsTests", dependencies: ["BriefFeeds", "BriefModel", "BriefStore"]),
        .testTarget(name: "BriefTUITests", dependencies: ["BriefTUI", "BriefModel", "BriefStore", "BriefFeeds"]),
        .testTarget(name: "BriefSyncTests", dependencies: ["BriefSync"]),
        // The CLI tests run the built `brief`: depending on it makes every `swift test` build the current one first.
        .testTarget(name: "BriefCLITests", dependencies: ["BriefModel", "brief"]),
    ],
    swiftLanguageModes: [.v6]
)
