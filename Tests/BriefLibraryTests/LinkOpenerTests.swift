import BriefLibrary
import Foundation
import Testing

@Suite("Opening a story's link: $BROWSER as newsboat reads it, quoted, only web addresses")
struct LinkOpenerTests {
    @Test("%u is replaced by the address, else the address is appended; no BROWSER means xdg-open")
    func commandLine() {
        let url = "https://news.example/ferry?id=3&lang=en"
        #expect(LinkOpener.command(for: url, browser: "w3m") == "w3m 'https://news.example/ferry?id=3&lang=en'")
        #expect(LinkOpener.command(for: url, browser: "firefox --new-tab %u") ==
                "firefox --new-tab 'https://news.example/ferry?id=3&lang=en'")
        #expect(LinkOpener.command(for: url, browser: nil) == "xdg-open 'https://news.example/ferry?id=3&lang=en'")
        #expect(LinkOpener.command(for: url, browser: "  ") == "xdg-open 'https://news.example/ferry?id=3&lang=en'")
        // A quote in the address cannot end the quoting
        #expect(LinkOpener.command(for: "https://a.example/it's", browser: "w3m") == "w3m 'https://a.example/it'\\''s'")
    }

    @Test("Only http and https addresses with a host are opened; none, scripts, files and spaces are refused")
    func check() throws {
        #expect(throws: LinkOpenError.noLink) { try LinkOpener.check(nil) }
        #expect(throws: LinkOpenError.noLink) { try LinkOpener.check("") }
        for bad in ["javascript:alert(1)", "file:///etc/passwd", "https://", "https://a.example/a b", "news.example/x",
                    "https://a.example/\u{1B}[2J"] {
            #expect(throws: LinkOpenError.notWebAddress(bad)) { try LinkOpener.check(bad) }
        }
        #expect(try LinkOpener.check("HTTPS://a.example/x") == "HTTPS://a.example/x")
    }

    /// A browser script that writes each argument it gets to `log`, one a line, and exits with `status`; the
    /// command runs it through `sh` (executing a file just written can fail with "text file busy" while another
    /// test's process is being forked).
    private func browser(in directory: URL, status: Int = 0) throws -> (script: String, log: URL) {
        let log = directory.appendingPathComponent("opened.txt")
        let script = directory.appendingPathComponent("browser.sh")
        try "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\" >> '\(log.path)'; done\nexit \(status)\n"
            .write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        return ("/bin/sh " + script.path, log)
    }

    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("brief-links-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("The browser gets the address as one argument, shell characters and all, and runs nothing else")
    func opensWithBrowser() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (script, log) = try browser(in: directory)
        let hostile = "https://a.example/x?q=';touch${IFS}pwned;'&r=$(touch${IFS}pwned2)"
        var environment = ProcessInfo.processInfo.environment
        environment["BROWSER"] = script
        try LinkOpener.open(hostile, environment: environment)
        #expect(try String(contentsOf: log, encoding: .utf8) == hostile + "\n")
        // %u form
        environment["BROWSER"] = script + " --first %u --last"
        try LinkOpener.open("https://a.example/2", environment: environment)
        #expect(try String(contentsOf: log, encoding: .utf8) == hostile + "\n--first\nhttps://a.example/2\n--last\n")
        #expect(!FileManager.default.fileExists(atPath: "pwned") && !FileManager.default.fileExists(atPath: "pwned2"))
    }

    @Test("The browser inherits no descriptor but the standard three: none of the reader's files or pipes")
    func noInheritedDescriptors() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Given a descriptor open in this process without close-on-exec, as a pipe or the cache can be
        let pipe = Pipe()
        let open = pipe.fileHandleForWriting.fileDescriptor
        // When a browser that lists its shell's descriptors opens a link
        let listing = directory.appendingPathComponent("descriptors.txt")
        let script = directory.appendingPathComponent("list.sh")
        try "#!/bin/sh\nls /proc/$$/fd > '\(listing.path)'\nexit 0\n".write(to: script, atomically: true, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        environment["BROWSER"] = "/bin/sh " + script.path
        try LinkOpener.open("https://a.example/", environment: environment)
        // Then that descriptor is not among them, and the standard three are
        let descriptors = Set(try String(contentsOf: listing, encoding: .utf8).split(separator: "\n").compactMap { Int32($0) })
        #expect(descriptors.isSuperset(of: [0, 1, 2]))
        #expect(!descriptors.contains(open), "descriptor \(open) reached the browser: \(descriptors.sorted())")
        try pipe.fileHandleForWriting.close()
    }

    @Test("A browser that is missing or fails is an error that names it")
    func browserFailures() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var environment = ProcessInfo.processInfo.environment
        environment["BROWSER"] = directory.appendingPathComponent("no-such-browser").path
        #expect(throws: LinkOpenError.notFound(environment["BROWSER"]!)) {
            try LinkOpener.open("https://a.example/", environment: environment)
        }
        let (script, _) = try browser(in: directory, status: 3)
        environment["BROWSER"] = script
        #expect(throws: LinkOpenError.failed(script, 3)) { try LinkOpener.open("https://a.example/", environment: environment) }
        #expect(throws: LinkOpenError.noLink) { try LinkOpener.open(nil, environment: environment) }
    }
}
