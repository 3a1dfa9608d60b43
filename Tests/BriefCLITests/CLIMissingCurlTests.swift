import Foundation
import Testing

@Suite("brief on a machine without libcurl")
struct CLIMissingCurlTests {
    /// A preload library whose `dlopen` finds no libcurl (and passes every other library on): the machine as if
    /// libcurl were not installed.
    static let shim = """
        #define _GNU_SOURCE
        #include <dlfcn.h>
        #include <string.h>
        void *dlopen(const char *file, int mode) {
            static void *(*next)(const char *, int);
            if (file && strstr(file, "libcurl")) return NULL;
            if (!next) next = (void *(*)(const char *, int))dlsym(RTLD_NEXT, "dlopen");
            return next(file, mode);
        }
        """

    @Test("Fetching and adding a feed without libcurl say so on one line each, and nothing traps")
    func fetchWithoutLibcurl() async throws {
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Given the preload library, built with the machine's C compiler
        let source = dir.appendingPathComponent("nocurl.c"), library = dir.appendingPathComponent("nocurl.so")
        try Data(Self.shim.utf8).write(to: source)
        let compiler = try #require(["/usr/bin/cc", "/usr/bin/gcc"].first { FileManager.default.isExecutableFile(atPath: $0) },
                                    "a C compiler (cc) builds the preload library")
        let build = Process()
        build.executableURL = URL(fileURLWithPath: compiler)
        build.arguments = ["-shared", "-fPIC", "-o", library.path, source.path, "-ldl"]
        try build.run()
        build.waitUntilExit()
        try #require(build.terminationStatus == 0)
        // And a cache subscribed to a feed on a closed loopback port
        let db = dir.appendingPathComponent("brief.sqlite").path
        let url = "http://127.0.0.1:9/desk.xml"
        #expect(try await BriefProcess.run(["feed", "add", "--db", db, url]).status == 0)
        let missing = "libcurl (libcurl.so.4) could not be loaded: install it (Debian: apt-get install libcurl4)"
        let withoutCurl = ["LD_PRELOAD": library.path]

        // When it is fetched without libcurl
        let fetch = try await BriefProcess.run(["fetch", "--db", db], environment: withoutCurl)
        // Then the fetch fails, naming the feed and what is missing on one line, then its summary, and stores nothing
        #expect(fetch.status == 1)
        #expect(fetch.stderr.split(separator: "\n").map(String.init) == [
            "brief: fetch: \(url): \(missing)", "fetched 1 feed: 0 new stories, 0 unchanged, 1 failed",
        ], "\(fetch.stderr)")
        #expect(try await BriefProcess.run(["count", "--db", db]).stdout == "0\n")

        // When another feed is added without libcurl, Then it is added, with the same reason it was not checked
        let add = try await BriefProcess.run(["feed", "add", "--db", db, "http://127.0.0.1:9/wire.xml"], environment: withoutCurl)
        #expect(add.status == 0)
        #expect(add.stderr.contains("not checked now (\(missing))"), "\(add.stderr)")
        #expect(try await BriefProcess.run(["feed", "list", "--db", db]).stdout.split(separator: "\n").count == 2)
    }
}
