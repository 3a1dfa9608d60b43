#if !BRIEF_FUZZING
import Foundation

/// Without libFuzzer (a plain `swift build`), the binary replays inputs: each argument is a file, or a folder
/// whose files are all run, through the target named by `BRIEF_FUZZ_TARGET`. A broken invariant aborts, so a
/// crash found by the fuzzer can be reproduced and debugged in a debug build. The sanitizer build defines
/// `BRIEF_FUZZING` and gets its `main` from libFuzzer instead. `-v` prints what each input gave.
@main
struct FuzzReplay {
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        let verbose = arguments.first == "-v"
        if verbose { arguments.removeFirst() }
        guard !arguments.isEmpty else {
            FuzzLog.say("usage: BRIEF_FUZZ_TARGET=<target> brief-fuzz [-v] FILE|DIR...")
            exit(2)
        }
        let target = FuzzTarget.selected
        var count = 0
        for path in arguments {
            for file in files(at: path) {
                guard let data = FileManager.default.contents(atPath: file) else {
                    FuzzLog.say("cannot read \(file)")
                    exit(1)
                }
                let outcome = target.run(data)
                if verbose { print("\(file): \(outcome)") }
                count += 1
            }
        }
        print("brief-fuzz: \(target.rawValue): \(count) inputs ran without a broken invariant")
    }

    private static func files(at path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return [path]
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.sorted().map { path + "/" + $0 }
    }
}
#endif
