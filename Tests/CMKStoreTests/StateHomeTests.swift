import CMKCore
import Foundation
import Testing
@testable import CMKStore

/// The state-home directory: layout, permissions, the platform key, and the errors for unusable homes.
@Suite("StateHome")
struct StateHomeTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory("state-home")
    }

    @Test func firstOpenCreatesTheLayout() throws {
        let root = directory.file("parent/home")
        let home = try StateHome.open(path: root + "/", wallClock: { Date() })

        #expect(home.root == root)
        #expect(try kind(of: root + "/state.db") == S_IFREG)
        #expect(try kind(of: root + "/blobs") == S_IFDIR)
        #expect(home.blobs.root == root + "/blobs")
        #expect(try permissions(of: root) == 0o700)
        #expect(try size(of: root + "/platform.key") == 32)
        #expect(try permissions(of: root + "/platform.key") == 0o600)
        #expect(home.platformKey.withUnsafeBytes(\.count) == 32)
        #expect(home.platformKey != [UInt8](repeating: 0, count: 32).withUnsafeBytes { PlatformKey(copying: $0) })
        #expect(try home.store.connection.journalMode == "wal")
        #expect(try home.store.connection.userVersion == SQLiteStateStore.migrations.count)
        // No temporary key file is left next to the key.
        let names = try FileManager.default.contentsOfDirectory(atPath: root).sorted()
        #expect(names.filter { $0.hasPrefix("platform.key") } == ["platform.key"])
    }

    @Test func reopeningKeepsTheAccountAndThePlatformKey() throws {
        let root = directory.file("home")
        let first = try StateHome.open(path: root, wallClock: { Date() })
        let account = try first.store.perform { $0.world.account }
        let keyBytes = try Data(contentsOf: URL(fileURLWithPath: root + "/platform.key"))

        let second = try StateHome.open(path: root, wallClock: { Date() })
        #expect(try second.store.perform { $0.world.account } == account)
        #expect(second.platformKey == first.platformKey)
        #expect(try Data(contentsOf: URL(fileURLWithPath: root + "/platform.key")) == keyBytes)

        let other = try StateHome.open(path: directory.file("other"), wallClock: { Date() })
        #expect(other.platformKey != first.platformKey)
        #expect(try other.store.perform { $0.world.account.subscriptionId } != account.subscriptionId)
    }

    @Test(arguments: [0, 16, 31, 33, 64])
    func platformKeyOfTheWrongSizeIsRefusedAndKept(size keySize: Int) throws {
        let root = directory.file("home")
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let keyPath = root + "/platform.key"
        try writeFile(keyPath, bytes: [UInt8](repeating: 7, count: keySize), mode: 0o600)

        let error = try #require(throws: StateHomeError.self) {
            try StateHome.open(path: root, wallClock: { Date() })
        }
        #expect(error.code == .platformKeyInvalid)
        #expect(error.description.contains(keyPath))
        #expect(error.description.contains("\(keySize) bytes instead of 32"))
        #expect(try size(of: keyPath) == keySize, "a damaged key must never be replaced")
        #expect(!FileManager.default.fileExists(atPath: root + "/state.db"))
    }

    @Test func platformKeyReadableByOthersIsRefused() throws {
        let root = directory.file("home")
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try writeFile(root + "/platform.key", bytes: [UInt8](repeating: 1, count: 32), mode: 0o644)

        let error = try #require(throws: StateHomeError.self) {
            try StateHome.open(path: root, wallClock: { Date() })
        }
        #expect(error.code == .platformKeyPermissions)
        #expect(error.description.contains("chmod 600 \(root)/platform.key"))
        #expect(error.description.contains("mode is 644"))
    }

    @Test func platformKeyThatIsADirectoryIsRefused() throws {
        let root = directory.file("home")
        try FileManager.default.createDirectory(atPath: root + "/platform.key", withIntermediateDirectories: true)

        let error = try #require(throws: StateHomeError.self) {
            try StateHome.open(path: root, wallClock: { Date() })
        }
        #expect(error.code == .platformKeyInvalid)
        #expect(error.description.contains("not a regular file"))
    }

    @Test func homeThatIsAFileIsRefused() throws {
        let root = directory.file("home")
        try writeFile(root, bytes: Array("not a directory".utf8), mode: 0o600)

        let error = try #require(throws: StateHomeError.self) {
            try StateHome.open(path: root, wallClock: { Date() })
        }
        #expect(error.code == .notADirectory)
        #expect(error.description.contains("'\(root)'"))
        #expect(error.description.contains("--home"))
    }

    @Test func homeUnderAFileIsRefused() throws {
        let file = directory.file("file")
        try writeFile(file, bytes: [1], mode: 0o600)

        let error = try #require(throws: StateHomeError.self) {
            try StateHome.open(path: file + "/home", wallClock: { Date() })
        }
        #expect(error.code == .notADirectory)
        #expect(error.path == file)
    }

    // Root may write anywhere, so the permission check can only be observed as another user.
    @Test(.enabled(if: geteuid() != 0, "root bypasses directory permissions"))
    func unwritableHomeIsRefused() throws {
        let root = directory.file("home")
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o500])
        defer { chmod(root, 0o700) }

        let error = try #require(throws: StateHomeError.self) {
            try StateHome.open(path: root, wallClock: { Date() })
        }
        #expect(error.code == .notWritable)
        #expect(error.description.contains("--home"))
    }

    private func writeFile(_ path: String, bytes: [UInt8], mode: Int) throws {
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes),
                                               attributes: [.posixPermissions: mode]))
        #expect(chmod(path, mode_t(mode)) == 0)
    }

    private func status(_ path: String) throws -> stat {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw TestFailure("stat \(path) failed: errno \(errno)")
        }
        return info
    }

    private func kind(of path: String) throws -> mode_t {
        try status(path).st_mode & S_IFMT
    }

    private func permissions(of path: String) throws -> mode_t {
        try status(path).st_mode & 0o777
    }

    private func size(of path: String) throws -> Int {
        Int(try status(path).st_size)
    }
}
