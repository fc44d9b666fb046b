import CMKCore
import CMKTestSupport
import Foundation
import Testing
@testable import CMKStore

/// A full disk: every error says "disk full", and commands that only read keep working where SQLite allows.
@Suite("Disk full")
struct DiskFullTests {
    @Test func sqliteSaysDiskFullForSQLITE_FULLAndForAnIOErrorCausedByENOSPC() {
        let full = SQLiteError(extendedResultCode: 13, message: "database or disk is full", sql: "COMMIT")
        // SQLITE_IOERR_SHMSIZE: the -shm file could not be sized, the system said ENOSPC.
        let shm = SQLiteError(extendedResultCode: 4874, message: "disk I/O error", sql: "PRAGMA journal_mode=WAL",
                              systemErrorNumber: ENOSPC)
        let quota = SQLiteError(extendedResultCode: 778, message: "disk I/O error", systemErrorNumber: EDQUOT)
        for error in [full, shm, quota] {
            #expect(error.isDiskFull)
            #expect(error.description.hasPrefix("disk full: the disk that holds the state home has no space left"),
                    "\(error.description)")
            #expect(error.description.contains("Free some space there and run the command again"))
        }
        #expect(shm.description.contains("(No space left on device)"))
        let other = SQLiteError(extendedResultCode: 778, message: "disk I/O error", systemErrorNumber: EIO)
        #expect(!other.isDiskFull && !other.description.contains("disk full"))
    }

    @Test func blobFilesSayDiskFull() {
        let error = BlobStoreError(code: .system, operation: "write", path: "/h/registry/blobs/tmp/1-2-3.partial",
                                   errorNumber: ENOSPC)
        #expect(error.description.hasPrefix("disk full: write '/h/registry/blobs/tmp/1-2-3.partial' failed: "
                                            + "No space left on device (errno 28); free some space"))
    }

    /// A real full file system: a 16 MiB tmpfs, filled after the home has been used once.
    @Test(.enabled(if: DiskFullTests.canMountTmpfs, "needs root and permission to mount a tmpfs"))
    func onAFullDiskReadsWorkAndWritesSayDiskFull() throws {
        let directory = try TemporaryDirectory("disk-full")
        let mountPoint = directory.file("fs")
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        try Self.mount(mountPoint, size: "16m")
        defer { _ = umount2(mountPoint, Int32(MNT_DETACH)) }
        let tool = try AcrcmkTool(home: mountPoint + "/home")
        try tool.succeed(["setup", "--registry", "fulldisk1"])
        let input = directory.file("in.bin")
        try Data(MarkedContent(size: 4096).bytes).write(to: URL(fileURLWithPath: input))
        try tool.succeed(["push", "fulldisk1", "repo:v1", input])

        try Self.fill(mountPoint + "/filler")

        // Reading the control plane needs no space.
        #expect(try tool.az("acr", "show", "-n", "fulldisk1", "--query", "name", "-o", "tsv") == "fulldisk1")
        #expect(try tool.az("group", "list", "--query", "length(@)") == "1")
        // Writing does: a clear error, non-zero, nothing changed.
        for arguments in [["az", "group", "create", "-n", "rg2", "-l", "eastus"],
                          ["push", "fulldisk1", "repo:v2", input],
                          ["pull", "fulldisk1", "repo:v1", directory.file("out.bin")]] {
            let result = try tool.run(arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.errors.contains("disk full: "), "\(arguments): \(result.errors)")
            #expect(!result.errors.contains("--home"), "a full disk is not fixed by another --home: \(result.errors)")
        }
        #expect(!FileManager.default.fileExists(atPath: directory.file("out.bin")))

        try FileManager.default.removeItem(atPath: mountPoint + "/filler")
        try tool.az("group", "create", "-n", "rg2", "-l", "eastus", "-o", "none")
        try tool.succeed(["pull", "fulldisk1", "repo:v1", directory.file("out.bin")])
        #expect(FileManager.default.contents(atPath: directory.file("out.bin")) == FileManager.default.contents(
            atPath: input))
    }

    static let canMountTmpfs: Bool = {
        guard geteuid() == 0, let directory = try? TemporaryDirectory("tmpfs-probe") else { return false }
        guard (try? mount(directory.path, size: "1m")) != nil else { return false }
        _ = umount2(directory.path, Int32(MNT_DETACH))
        return true
    }()

    private static func mount(_ path: String, size: String) throws {
        let output = try ProcessRunner.run(URL(fileURLWithPath: "/bin/mount"),
                                           ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", path])
        guard output.exitCode == 0 else { throw TestFailure("mount tmpfs on \(path): \(output.stderr)") }
    }

    /// Writes zeros until the file system refuses with ENOSPC.
    private static func fill(_ path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { throw TestFailure("cannot create \(path): errno \(errno)") }
        defer { close(descriptor) }
        let chunk = [UInt8](repeating: 0, count: 64 << 10)
        var count = 1
        while count > 0 {
            count = chunk.withUnsafeBytes { write(descriptor, $0.baseAddress!, $0.count) }
        }
        guard errno == ENOSPC else { throw TestFailure("filling \(path) stopped with errno \(errno), not ENOSPC") }
        // Smaller writes take the last partial page.
        while write(descriptor, chunk, 1) == 1 {}
    }
}
