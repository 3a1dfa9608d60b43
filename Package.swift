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
    // The layers, lowest first. A target lists only the layers below it that it may use; scripts/check-layers
    // checks every `import` against the same rules (README "Architecture").
    targets: [
        // Model layer: pure value types and transformations. Foundation only, and one compiler hint:
        // `__builtin_prefetch`, which Swift cannot call (the tagger asks for its weight tables' memory ahead of use).
        .target(name: "CPrefetch"),
        .target(name: "BriefTagger", dependencies: ["CPrefetch"]),
        .target(name: "BriefModel", dependencies: ["BriefTagger"]),
        // Store layer: the SQLite cache (GRDB); the only writer. Persists only: no parsing, tagging or fetching.
        // zlib, for the original texts the cache keeps compressed (zlib1g-dev on Debian and Ubuntu; in macOS's SDK).
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),
        // OpenSSL's libcrypto, for the content hash (libssl-dev on Debian and Ubuntu).
        .systemLibrary(name: "CLibcrypto", path: "Sources/CLibcrypto", pkgConfig: "libcrypto",
                       providers: [.apt(["libssl-dev"])]),
        // libdeflate, which writes the same zlib streams in half zlib's time (libdeflate-dev on Debian and Ubuntu).
        .systemLibrary(name: "CLibdeflate", path: "Sources/CLibdeflate", pkgConfig: "libdeflate",
                       providers: [.apt(["libdeflate-dev"])]),
        // SQLite's process-wide settings (`sqlite3_config` takes variable arguments; the shim's wrappers do not).
        .systemLibrary(name: "CSQLiteConfig", path: "Sources/CSQLiteConfig", pkgConfig: "sqlite3",
                       providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "BriefStore", dependencies: [
            "BriefModel", "BriefTagger", "CZlib", "CLibdeflate", "CLibcrypto", "CSQLiteConfig",
            .product(name: "GRDB", package: "GRDB.swift"),
            // SQLite's C API, for the import's hot inserts (RowInsert).
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        // The HTTP client of the feed fetcher and the sync clients: libcurl's easy interface, loaded at run time.
        .target(name: "BriefHTTP"),
        // Feeds layer: HTTP fetching and feed formats. Knows nothing of the cache.
        .target(name: "BriefFeeds", dependencies: ["BriefModel", "BriefHTTP"]),
        // posix_spawn's close-from action, which Swift's Glibc module does not declare: a program the reader starts
        // (a browser) or a test starts (tmux) gets none of the starter's descriptors.
        .target(name: "CSpawn"),
        // Use-case layer: importing files and feed items (decode, parse, section, tag, store), the feed refresh,
        // the sync with a feed server, and the library's queries (entity pages, the entity index). The front ends
        // use the model through it.
        .target(name: "BriefLibrary", dependencies: ["BriefModel", "BriefTagger", "BriefStore", "BriefFeeds", "BriefSync",
                                                    "CSpawn"]),
        // Story layout shared by the reader and `brief show`: lines of semantically styled runs.
        .target(name: "BriefLayout", dependencies: ["BriefModel", "BriefTagger"]),
        // Sync layer: clients of feed servers' APIs (TT-RSS, Fever), HTTP only; no store.
        .target(name: "BriefSync", dependencies: ["BriefModel", "BriefHTTP"]),
        // TUI layer: state, update, view into a cell grid, and a thin ncurses backend.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .target(name: "BriefTUI", dependencies: [
            "BriefLayout", "BriefModel", "BriefTagger", "BriefStore", "BriefLibrary", "CNcursesw", "TOMLKit",
        ]),
        // The top-level Resources/ folder: samples, NER model, notices.
        .target(name: "BriefResources", resources: [.copy("../../Resources")]),
        .executableTarget(name: "brief", dependencies: [
            "BriefModel", "BriefTagger", "BriefStore", "BriefLayout", "BriefLibrary", "BriefTUI", "BriefResources",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ],
        // A release `brief` on Linux carries the Swift runtime and Foundation inside it (107 MB instead of 36): it
        // starts without loading and binding 15 shared libraries, and calls the runtime directly. `brief count` on a
        // 100,000-story cache took 0.75× the time, `brief fetch` of 20 × 500 news items 0.95× the CPU. The compile
        // flag is needed too: with it, `import Foundation` names the libraries the static Foundation needs at the link.
        // The link prints glibc's warning for any program that links `mktemp` (Foundation's temporary-file code does).
        swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))],
        linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]),
        .executableTarget(name: "brief-bench", dependencies: [
            "BriefModel", "BriefTagger", "BriefStore", "BriefFeeds", "BriefSync", "BriefLayout", "BriefLibrary", "BriefTUI", "BriefResources",
            "CSpawn",
        ]),
        // libFuzzer targets for the parsers (scripts/fuzz builds it with `-D BRIEF_FUZZING`); a plain build gives
        // a replayer that runs saved inputs through the same checks.
        .executableTarget(name: "brief-fuzz", dependencies: ["BriefModel", "BriefTagger"]),
        .testTarget(name: "BriefTaggerTests", dependencies: ["BriefTagger"]),
        .testTarget(name: "BriefModelTests", dependencies: ["BriefModel"]),
        .testTarget(name: "BriefStoreTests", dependencies: ["BriefStore", "BriefModel", "BriefTagger"],
                    resources: [.copy("Fixtures")]),
        // The loopback HTTP server of the fetcher's, the refresh's and the CLI's tests (`brief fetch`, feed discovery).
        .target(name: "BriefTestServer", path: "Tests/BriefTestServer"),
        .testTarget(name: "BriefFeedsTests", dependencies: ["BriefFeeds", "BriefModel", "BriefStore", "BriefLibrary",
                                                          "BriefTestServer"]),
        .testTarget(name: "BriefLibraryTests", dependencies: ["BriefLibrary", "BriefStore", "BriefModel", "BriefTagger", "BriefSync"]),
        .testTarget(name: "BriefLayoutTests", dependencies: ["BriefLayout", "BriefModel", "BriefTagger"]),
        .testTarget(name: "BriefTUITests", dependencies: ["BriefTUI", "BriefLayout", "BriefLibrary", "BriefModel", "BriefStore"]),
        // The sync engine's and `brief sync`'s live tests sit beside the servers' helpers they share with the clients'.
        .testTarget(name: "BriefSyncTests", dependencies: ["BriefSync", "BriefLibrary", "BriefStore", "BriefModel", "brief",
                                                         "BriefTestServer"]),
        // The CLI tests run the built `brief`: depending on it makes every `swift test` build the current one first.
        .testTarget(name: "BriefCLITests", dependencies: ["BriefModel", "brief", "BriefTestServer", "CSpawn",
                                                        // To damage a cache the way a disk can.
                                                        "BriefStore", .product(name: "GRDB", package: "GRDB.swift")]),
    ],
    swiftLanguageModes: [.v6]
)
