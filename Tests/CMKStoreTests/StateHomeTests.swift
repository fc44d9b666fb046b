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
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == ["control", "registry"])
        #expect(try kind(of: root + "/control/state.db") == S_IFREG)
        #expect(try kind(of: root + "/registry/content.db") == S_IFREG)
        #expect(try kind(of: root + "/registry/blobs") == S_IFDIR)
        #expect(home.blobs.root == root + "/registry/blobs")
        for directory in [root, root + "/control", root + "/registry"] {
            #expect(try permissions(of: directory) == 0o700, "\(directory)")
        }
        for key in ["platform.key", "vault.key"] {
            #expect(try size(of: root + "/control/" + key) == 32)
            #expect(try permissions(of: root + "/control/" + key) == 0o600)
        }
        #expect(home.platformKey.withUnsafeBytes(\.count) == 32)
        #expect(home.platformKey != [UInt8](repeating: 0, count: 32).withUnsafeBytes { PlatformKey(copying: $0) })
        #expect(home.vaultMasterKey?.withUnsafeBytes { Array($0) } != home.platformKey.withUnsafeBytes { Array($0) })
        #expect(try home.store.connection.journalMode == "wal")
        let migrations = SQLiteStateStore.migrations(layout: home.layout, platformKey: home.platformKey,
                                                     vaultMasterKey: home.vaultMasterKey)
        #expect(try home.store.connection.userVersion == migrations.count)
        // No temporary key file is left next to the keys, and the registry side holds no key at all.
        let names = try FileManager.default.contentsOfDirectory(atPath: root + "/control").sorted()
        #expect(names.filter { $0.hasSuffix(".key") || $0.contains(".key.") } == ["platform.key", "vault.key"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/registry").sorted()
                    == ["blobs", "content.db", "content.db-shm", "content.db-wal"])
    }

    @Test func reopeningKeepsTheAccountAndThePlatformKey() throws {
        let root = directory.file("home")
        let first = try StateHome.open(path: root, wallClock: { Date() })
        let account = try first.store.perform { $0.world.account }
        let keyBytes = try Data(contentsOf: URL(fileURLWithPath: root + "/control/platform.key"))

        let second = try StateHome.open(path: root, wallClock: { Date() })
        #expect(try second.store.perform { $0.world.account } == account)
        #expect(second.platformKey == first.platformKey)
        #expect(try Data(contentsOf: URL(fileURLWithPath: root + "/control/platform.key")) == keyBytes)

        let other = try StateHome.open(path: directory.file("other"), wallClock: { Date() })
        #expect(other.platformKey != first.platformKey)
        #expect(try other.store.perform { $0.world.account.subscriptionId } != account.subscriptionId)
    }

    @Test(arguments: [0, 16, 31, 33, 64])
    func platformKeyOfTheWrongSizeIsRefusedAndKept(size keySize: Int) throws {
        let root = directory.file("home")
        try FileManager.default.createDirectory(atPath: root + "/control", withIntermediateDirectories: true)
        let keyPath = root + "/control/platform.key"
        try writeFile(keyPath, bytes: [UInt8](repeating: 7, count: keySize), mode: 0o600)

        let error = try #require(throws: StateHomeError.self) {
            try StateHome.open(path: root, wallClock: { Date() })
        }
        #expect(error.code == .keyFileInvalid)
        #expect(error.description.contains(keyPath))
        #expect(error.description.contains("\(keySize) bytes instead of 32"))
        #expect(try size(of: keyPath) == keySize, "a damaged key must never be replaced")
        #expect(!FileManager.default.fileExists(atPath: root + "/control/state.db"))
    }

    @Test func platformKeyReadableByOthersIsRefused() throws {
        let root = directory.file("home")
        try FileManager.default.createDirectory(atPath: root + "/control", withIntermediateDirectories: true)
        try writeFile(root + "/control/platform.key", bytes: [UInt8](repeating: 1, count: 32), mode: 0o644)

        let error = try #require(throws: StateHomeError.self) {
            try StateHome.open(path: root, wallClock: { Date() })
        }
        #expect(error.code == .keyFilePermissions)
        #expect(error.description.contains("chmod 600 \(root)/control/platform.key"))
        #expect(error.description.contains("mode is 644"))
    }

    @Test func platformKeyThatIsADirectoryIsRefused() throws {
        let root = directory.file("home")
        try FileManager.default.createDirectory(atPath: root + "/control/platform.key",
                                                withIntermediateDirectories: true)

        let error = try #require(throws: StateHomeError.self) {
            try StateHome.open(path: root, wallClock: { Date() })
        }
        #expect(error.code == .keyFileInvalid)
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
