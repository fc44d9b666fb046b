import CMKCore
import CMKTestSupport
import Foundation
import Testing
@testable import CMKStore

/// Everything of a state home is its owner's only, whatever the umask or the mode its folder had before.
@Suite("StateHome permissions")
struct StateHomePermissionsTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory("home-permissions")
    }

    @Test func aHomeInAPreExistingOpenFolderIsOwnerOnlyIncludingTheWriteAheadLogs() throws {
        let root = directory.file("home")
        try makeDirectory(root, mode: 0o777)
        try makeDirectory(root + "/control", mode: 0o755)

        let home = try StateHome.open(path: root, wallClock: { Date() })
        try home.perform { session in _ = try session.createGroup(name: "rg1", location: "eastus", tags: nil) }

        let entries = try everything(under: root)
        for name in ["", "/control/state.db", "/control/state.db-wal", "/control/state.db-shm",
                     "/registry/content.db", "/registry/content.db-wal", "/registry/content.db-shm",
                     "/registry/blobs/tmp"] {
            #expect(entries[root + name] != nil, "\(name) should exist while the home is open")
        }
        let open = entries.filter { $0.value & 0o077 != 0 }
        #expect(open.isEmpty, "open to others: \(open.mapValues { String($0, radix: 8) })")
        withExtendedLifetime(home) {}
    }

    @Test func aHomeWrittenWithLooseModesIsTightenedWhenOpened() throws {
        let root = directory.file("home")
        do {
            let home = try StateHome.open(path: root, wallClock: { Date() })
            try home.perform { session in _ = try session.createGroup(name: "rg1", location: "eastus", tags: nil) }
        }
        for (path, mode) in try everything(under: root) where !path.hasSuffix(".key") {
            #expect(chmod(path, mode | ((mode & S_IFMT) == S_IFDIR ? 0o755 : 0o644)) == 0)
        }

        let home = try StateHome.open(path: root, wallClock: { Date() })
        let open = try everything(under: root).filter { $0.value & 0o077 != 0 }
        #expect(open.isEmpty, "open to others: \(open.mapValues { String($0, radix: 8) })")
        #expect(try home.perform { $0.world.resourceGroups.count } == 1)
    }

    @Test func aFolderThatAlsoHoldsOtherFilesKeepsItsModeButTheHomesPartsAreOwnerOnly() throws {
        let root = directory.file("shared")
        try makeDirectory(root, mode: 0o755)
        #expect(FileManager.default.createFile(atPath: root + "/notes.txt", contents: Data("mine".utf8)))

        let home = try StateHome.open(path: root, wallClock: { Date() })
        #expect(try mode(of: root) == 0o755, "a folder holding other things must keep its mode")
        let open = try everything(under: root).filter { $0.value & 0o077 != 0 && $0.key != root }
        #expect(open.keys.sorted() == [root + "/notes.txt"], "only the user's own file may stay as it was")
        withExtendedLifetime(home) {}
    }

    /// The built tool under `umask 000`, in a home folder made world-writable beforehand: setup, push and pull
    /// create every kind of file a home has.
    @Test func theToolUnderAnOpenUmaskCreatesNothingOthersCanRead() throws {
        let root = directory.file("home")
        try makeDirectory(root, mode: 0o777)
        let input = directory.file("artifact.bin")
        #expect(FileManager.default.createFile(atPath: input, contents: Data((0..<4096).map { UInt8($0 % 251) })))
        let executable = try BuildProducts.executable(named: "acrcmk", overrideVariable: "ACRCMK_BINARY")
        func run(_ arguments: [String]) throws {
            let output = try ProcessRunner.run(
                URL(fileURLWithPath: "/bin/sh"), ["-c", "umask 000; exec \"$0\" \"$@\"", executable.path]
                    + arguments + ["--home", root],
                environment: ["HOME": directory.path, "PATH": "/usr/bin:/bin", "NO_COLOR": "1"])
            #expect(output.exitCode == 0, "acrcmk \(arguments): \(output.stderr)")
        }
        try run(["setup", "--registry", "permsreg1"])
        try run(["push", "permsreg1", "repo:v1", input])
        try run(["pull", "permsreg1", "repo:v1", directory.file("pulled.bin")])

        let entries = try everything(under: root)
        #expect(entries.keys.contains { $0.hasPrefix(root + "/registry/blobs/") && $0.count > root.count + 30 },
                "the push should have written sealed objects")
        let open = entries.filter { $0.value & 0o077 != 0 }
        #expect(open.isEmpty, "open to others: \(open.mapValues { String($0, radix: 8) })")
    }

    // MARK: Helpers

    private func makeDirectory(_ path: String, mode: mode_t) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        #expect(chmod(path, mode) == 0)
    }

    private func mode(of path: String) throws -> mode_t {
        var info = stat()
        guard lstat(path, &info) == 0 else { throw TestFailure("lstat \(path): errno \(errno)") }
        return info.st_mode & 0o7777
    }

    /// Every path under `root`, `root` included, with its type and permission bits (not following links).
    private func everything(under root: String) throws -> [String: mode_t] {
        var result: [String: mode_t] = [:]
        var pending = [root]
        while let path = pending.popLast() {
            var info = stat()
            guard lstat(path, &info) == 0 else { throw TestFailure("lstat \(path): errno \(errno)") }
            result[path] = info.st_mode & (S_IFMT | 0o7777)
            if (info.st_mode & S_IFMT) == S_IFDIR {
                pending += try FileManager.default.contentsOfDirectory(atPath: path).map { path + "/" + $0 }
            }
        }
        return result
    }
}
