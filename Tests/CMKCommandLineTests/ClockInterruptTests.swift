import CMKCore
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C during a long `clock advance`, on the built binary: it stops after the segment under way commits, says
/// where the clock stands, exits 130, and the clock stays there.
///
/// Deterministic without sleeping: stderr is a pseudo-terminal, so the command draws its progress line, and the
/// signal goes only once that line reports events that ran. Thirty years of the setup's 90-day rotation is 120
/// RSA keys (many seconds), so the move is still running when the signal arrives.
@Suite("Interrupted clock moves")
struct ClockInterruptTests {
    @Test("Ctrl-C during clock advance P30Y: exit 130, the clock between start and target, what ran is kept")
    func interruptedAdvance() throws {
        let tool = try BuiltTool()
        #expect(try tool.run("setup", "--registry", "clockreg", "-o", "none").exitCode == 0)
        let start = try #require(Timestamp.parse(try tool.run("clock", "show", "--query", "now", "-o", "tsv")
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        let terminal = try PseudoTerminal()

        let process = Process()
        process.executableURL = tool.executable
        process.arguments = ["clock", "advance", "P30Y"]
        process.environment = ["ACRCMK_HOME": tool.home.appendingPathComponent("state").path, "NO_COLOR": "1",
                               "PATH": "/usr/bin:/bin"]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = terminal.secondary
        try process.run()
        terminal.closeSecondary()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        let progress = try #require(terminal.read(until: { Self.eventsInProgress($0) >= 1 },
                                                  deadline: Date().addingTimeInterval(120)),
                                    "no progress line with an event: is stderr seen as a terminal?")
        kill(process.processIdentifier, SIGINT)
        let stderr = progress + (terminal.read(until: { _ in false }, deadline: Date().addingTimeInterval(60)) ?? "")
        process.waitUntilExit()

        #expect(process.terminationStatus == 130, "stderr: \(stderr)")
        let message = try #require(stderr.components(separatedBy: .newlines).first { $0.hasPrefix("Interrupted: ") })
        let standsAt = try #require(Timestamp.parse(
            String(message.dropFirst("Interrupted: the clock stands at ".count).prefix { $0 != ";" })))
        let target = try ISODuration("P30Y").added(to: start)
        #expect(standsAt > start && standsAt < target, "\(message)")
        #expect(stderr.contains("To go on: acrcmk clock set "))

        let shown = try #require(Timestamp.parse(try tool.run("clock", "show", "--query", "now", "-o", "tsv")
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(shown >= standsAt && shown < standsAt.addingTimeInterval(60), "the clock stays where it stopped")
        let ran = try #require(Int(message.components(separatedBy: "; ").last?.prefix { $0.isNumber } ?? ""))
        #expect(ran >= Self.eventsInProgress(progress))
        let versions = try tool.run("az", "keyvault", "key", "list-versions", "--vault-name", "kv-clockreg",
                                    "--name", "clockreg-cmk", "--query", "length(@)", "-o", "tsv")
        #expect(Int(versions.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) == 1 + ran / 2,
                "each rotation that ran is kept, with the registry's pick-up an hour later")
    }

    /// The event count of the last progress line in `text` ("…, 12 events so far"), or 0.
    private static func eventsInProgress(_ text: String) -> Int {
        guard let line = text.components(separatedBy: "\r").last(where: { $0.hasSuffix(" so far") }) else { return 0 }
        let words = line.split(separator: " ")
        return words.count >= 4 ? Int(words[words.count - 4]) ?? 0 : 0
    }
}

/// A pseudo-terminal: the child writes to the secondary side and `isatty` says yes; the test reads the primary.
private final class PseudoTerminal {
    private let primary: Int32
    let secondary: FileHandle

    /// Linux's `/dev/ptmx` interface (pty(7)); `posix_openpt` and friends are not visible to Swift here.
    init() throws {
        // TIOCSPTLCK and TIOCGPTN from <asm-generic/ioctls.h>, which Swift does not import (function-like macros).
        let unlockRequest: UInt = 0x4004_5431, numberRequest: UInt = 0x8004_5430
        primary = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        guard primary >= 0 else { throw POSIXError(.ENOTTY) }
        var locked: Int32 = 0, number: Int32 = 0
        guard ioctl(primary, unlockRequest, &locked) == 0, ioctl(primary, numberRequest, &number) == 0 else {
            close(primary)
            throw POSIXError(.ENOTTY)
        }
        let descriptor = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        guard descriptor >= 0 else {
            close(primary)
            throw POSIXError(.ENOTTY)
        }
        secondary = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    deinit {
        close(primary)
    }

    /// Closes this process's copy of the secondary side, so reads end when the child exits.
    func closeSecondary() {
        try? secondary.close()
    }

    /// Reads until `done` holds for all that was read, the child closes its side, or the deadline passes.
    /// - Returns: What was read, or nil if `done` never held before the deadline or the end (unless it never can).
    func read(until done: (String) -> Bool, deadline: Date) -> String? {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            var poller = pollfd(fd: primary, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) >= 0 else { break }
            if poller.revents == 0 { continue }
            let count = buffer.withUnsafeMutableBytes { readDescriptor(primary, $0.baseAddress, $0.count) }
            // EIO: the child has exited and nothing holds the secondary side any more.
            if count <= 0 { return String(decoding: bytes, as: UTF8.self) }
            bytes += buffer[0..<count]
            if done(String(decoding: bytes, as: UTF8.self)) { return String(decoding: bytes, as: UTF8.self) }
        }
        return nil
    }
}

/// `read(2)`, under a name the method above does not hide.
private func readDescriptor(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
