import Foundation
import Testing

@Suite("The tmux harness of the end-to-end tests")
struct EndToEndTmuxTests {
    @Test("A tmux server started by a test keeps no descriptor of the test runner: a pipe the runner closes ends")
    func noInheritedDescriptors() async throws {
        // Given a pipe the runner has open, as another test's `brief` output is while it runs
        let pipe = Pipe()
        let reading = pipe.fileHandleForReading.fileDescriptor

        // When a test starts a tmux session meanwhile, and the runner then closes the pipe's writing end
        let tmux = try await EndToEndTmux.start("sleep 120")
        defer { tmux.kill() }
        try pipe.fileHandleForWriting.close()

        // Then the reading end sees the end of the pipe (the tmux server does not hold it open)
        var waiting = pollfd(fd: reading, events: Int16(POLLIN), revents: 0)
        let ready = poll(&waiting, 1, 10_000)
        #expect(ready == 1, "the pipe stayed open for 10 s after the runner closed it")
        var byte: UInt8 = 0
        #expect(ready == 1 && read(reading, &byte, 1) == 0)
    }

    @Test("A tmux command that does not finish in time is killed and reported, not waited for forever")
    func overdueCommand() async throws {
        // Timed on the waiting thread itself: resuming this test afterwards can wait for a busy pool
        let (outcome, seconds) = try await DedicatedThread.run {
            let started = Date()
            let outcome = Result { try EndToEndTmux.spawn(["sleep", "30"], timeout: 1) }
            return (outcome, Date().timeIntervalSince(started))
        }
        #expect(throws: EndToEndTmux.Failure.self) { try outcome.get() }
        #expect(seconds < 20, "waited \(seconds) s for a command given 1 s")
    }
}
