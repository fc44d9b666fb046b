// Linux only: the peak memory is read from /proc.
#if os(Linux)
import Glibc
import Foundation
import Testing

/// Streaming in constant memory: a file far larger than the memory budget pushes and pulls with a small peak RSS.
/// (The 2 GiB measurement belongs to `make bench`; a few hundred MiB shows the same flat profile here.)
@Suite("Constant-memory streaming", .serialized)
struct ContentStreamingTests {
    /// Runs the binary and samples its peak resident set (`VmHWM` in /proc) until it exits.
    ///
    /// wait4's `ru_maxrss` cannot be used: a child spawned with vfork semantics inherits the test process's
    /// high-water mark at exec, so it would report the test runner's memory, not acrcmk's.
    private static func runMeasuringPeakMemory(_ tool: AcrcmkTool, _ arguments: [String]) throws
        -> (status: Int32, peakKiB: Int)
    {
        let argv = [tool.executable.path] + arguments + ["--home", tool.home]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, &cArguments, environ)
        guard spawned == 0 else {
            throw TestFailure("posix_spawn of \(argv[0]) failed: errno \(spawned)")
        }
        var status: Int32 = 0
        var peak = 0
        while true {
            if let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
               let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
               let kib = Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]) {
                peak = max(peak, kib)
            }
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { break }
            guard reaped == 0 || errno == EINTR else { throw TestFailure("waitpid failed: errno \(errno)") }
            usleep(2_000)
        }
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (exitStatus, peak)
    }

    /// Writes `size` pseudo-random bytes in 1 MiB pieces without holding them all.
    private static func writeLargeFile(_ path: String, size: Int) throws {
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var generator = SystemRandomNumberGenerator()
        var piece = [UInt64](repeating: 0, count: (1 << 20) / 8)
        var written = 0
        while written < size {
            for index in piece.indices { piece[index] = generator.next() }
            let count = min(1 << 20, size - written)
            try handle.write(contentsOf: piece.withUnsafeBytes { Data($0.prefix(count)) })
            written += count
        }
    }

    /// Compares two files piece by piece.
    private static func filesEqual(_ first: String, _ second: String) throws -> Bool {
        let a = try FileHandle(forReadingFrom: URL(fileURLWithPath: first))
        let b = try FileHandle(forReadingFrom: URL(fileURLWithPath: second))
        defer { try? a.close(); try? b.close() }
        while true {
            let left = try a.read(upToCount: 1 << 20) ?? Data()
            let right = try b.read(upToCount: 1 << 20) ?? Data()
            guard left == right else { return false }
            if left.isEmpty { return true }
        }
    }

    @Test("a 256 MiB file pushes and pulls with peak RSS under 64 MiB, byte-identical")
    func largeFileInConstantMemory() throws {
        let directory = try TemporaryDirectory("acrcmk-stream")
        let tool = try AcrcmkTool(home: directory.file("home"))
        try tool.createCMKRegistry("regbig1", vault: "kvbig1")
        let size = 256 << 20 + 12_345
        try Self.writeLargeFile(directory.file("big.bin"), size: size)
        let push = try Self.runMeasuringPeakMemory(tool, ["push", "regbig1", "big/file:v1", directory.file("big.bin")])
        #expect(push.status == 0)
        #expect(push.peakKiB > 0 && push.peakKiB < 64 * 1024, "push peak RSS \(push.peakKiB) KiB")
        let pull = try Self.runMeasuringPeakMemory(tool, ["pull", "regbig1", "big/file:v1", directory.file("out.bin")])
        #expect(pull.status == 0)
        #expect(pull.peakKiB > 0 && pull.peakKiB < 64 * 1024, "pull peak RSS \(pull.peakKiB) KiB")
        #expect(try Self.filesEqual(directory.file("big.bin"), directory.file("out.bin")))
        let sealedSize = try FileManager.default.contentsOfDirectory(atPath: tool.home + "/registry/blobs")
            .filter { $0.count == 2 }
            .flatMap { prefix in
                try FileManager.default.contentsOfDirectory(atPath: tool.home + "/registry/blobs/" + prefix).map {
                    (try FileManager.default.attributesOfItem(
                        atPath: tool.home + "/registry/blobs/\(prefix)/\($0)")[.size]
                        as? Int) ?? 0
                }
            }.max() ?? 0
        // Two 16-byte tags per 1 MiB record plus a header: the overhead stays tiny and proportional.
        #expect(sealedSize == size + 32 * ((size + (1 << 20) - 1) >> 20) + 48 + 82)
    }
}
#endif
