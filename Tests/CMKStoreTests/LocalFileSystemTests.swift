import CMKCore
import CMKTestSupport
import Foundation
import Testing
@testable import CMKStore

/// Where pull and export put plaintext: only regular files (and new or empty folders for layouts), never through
/// or over a device, a FIFO, a socket or a symbolic link, and never over what another process wrote meanwhile.
@Suite("Local output files")
struct LocalFileSystemTests {
    /// What a destination path can be before a pull.
    enum Destination: String, CaseIterable, Sendable {
        case fifo, characterDevice, symbolicLinkToAFile, danglingSymbolicLink

        /// Creates it at `path`; false when this machine does not allow it (mknod needs privileges).
        func make(at path: String, beside directory: TemporaryDirectory) -> Bool {
            switch self {
            case .fifo:
                return mkfifo(path, 0o600) == 0
            case .characterDevice:
                return mknod(path, S_IFCHR | 0o666, (1 << 8) | 3) == 0  // A twin of /dev/null (1, 3), not it.
            case .symbolicLinkToAFile:
                return FileManager.default.createFile(atPath: directory.file("target.txt"), contents: Data("keep".utf8))
                    && symlink(directory.file("target.txt"), path) == 0
            case .danglingSymbolicLink:
                return symlink(directory.file("nowhere"), path) == 0
            }
        }

        var words: String {
            switch self {
            case .fifo: return "it is a FIFO"
            case .characterDevice: return "it is a character device"
            case .symbolicLinkToAFile, .danglingSymbolicLink: return "it is a symbolic link to '"
            }
        }
    }

    /// A home whose registry `localfs1` holds `repo:v1`, a 1 KiB file.
    private static func home(_ directory: TemporaryDirectory) throws -> AcrcmkTool {
        let tool = try AcrcmkTool(home: directory.file("home"))
        try tool.az("group", "create", "-n", "rg1", "-l", "eastus", "-o", "none")
        try tool.az("acr", "create", "-g", "rg1", "-n", "localfs1", "--sku", "Basic", "-o", "none")
        let input = directory.file("in.bin")
        try Data(MarkedContent(size: 1024).bytes).write(to: URL(fileURLWithPath: input))
        try tool.succeed(["push", "localfs1", "repo:v1", input])
        return tool
    }

    private static func kind(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
    }

    @Test(arguments: Destination.allCases)
    func pullRefusesADestinationThatIsNotARegularFile(_ destination: Destination) throws {
        let directory = try TemporaryDirectory("local-output")
        let tool = try Self.home(directory)
        let path = directory.file("out")
        guard destination.make(at: path, beside: directory) else {
            return  // mknod is not permitted here: nothing to test.
        }
        let before = Self.kind(path)

        for extra in [[], ["--oci"]] {
            let result = try tool.run(["pull", "localfs1", "repo:v1", path] + extra)
            #expect(result.status == 1, "\(extra): \(result.errors)")
            #expect(result.errors.contains("(OutputUnwritable) Cannot write '\(path)': \(destination.words)")
                        || (extra == ["--oci"] && result.errors.contains("(OutputExists)")), "\(result.errors)")
            #expect(result.errors.contains("nothing was written"), "\(result.errors)")
            #expect(Self.kind(path) == before, "the destination must be left exactly as it was")
        }
        if destination == .symbolicLinkToAFile {
            #expect(FileManager.default.contents(atPath: directory.file("target.txt")) == Data("keep".utf8))
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.contains("acrcmk-partial") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func aLinkToAFolderIsAFolderToPullInto() throws {
        let directory = try TemporaryDirectory("local-output")
        let tool = try Self.home(directory)
        try FileManager.default.createDirectory(atPath: directory.file("real"), withIntermediateDirectories: true)
        #expect(symlink(directory.file("real"), directory.file("link")) == 0)

        try tool.succeed(["pull", "localfs1", "repo:v1", directory.file("link")])
        #expect(FileManager.default.contents(atPath: directory.file("real/in.bin"))
                    == FileManager.default.contents(atPath: directory.file("in.bin")))
        #expect(Self.kind(directory.file("link")) == S_IFLNK)
    }

    @Test func exportRefusesALinkToAnEmptyFolderAndLeavesIt() throws {
        let directory = try TemporaryDirectory("local-output")
        let tool = try Self.home(directory)
        try FileManager.default.createDirectory(atPath: directory.file("empty"), withIntermediateDirectories: true)
        #expect(symlink(directory.file("empty"), directory.file("link")) == 0)

        let result = try tool.run(["export", "localfs1", "--repository", "repo", "--dest", directory.file("link")])
        #expect(result.status == 1)
        #expect(result.errors.contains("Cannot write '\(directory.file("link"))': it is a symbolic link to '"),
                "\(result.errors)")
        #expect(Self.kind(directory.file("link")) == S_IFLNK)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.file("empty")).isEmpty)
    }

    /// The destination becomes a FIFO while the content streams: the rename must not replace it.
    @Test func aFileCommitRefusesADestinationThatChangedMeanwhile() throws {
        let directory = try TemporaryDirectory("local-output")
        let path = directory.file("out.bin")
        let file = try OutputFile(destination: path, owner: nil)
        try [UInt8](repeating: 7, count: 100).withUnsafeBytes { try file.write($0) }
        #expect(mkfifo(path, 0o600) == 0)

        let error = try #require(throws: CMKError.self) { try file.commit() }
        #expect(error.code == .outputUnwritable)
        #expect(error.message.contains("it is a FIFO"))
        file.discard()
        #expect(Self.kind(path) == S_IFIFO)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.bin"])
    }

    /// Another process fills the empty destination folder while the export runs: it is neither deleted nor
    /// replaced, and the staging folder goes.
    @Test(arguments: [true, false])
    func aLayoutCommitNeverDeletesAFolderFilledMeanwhile(existedEmpty: Bool) throws {
        let directory = try TemporaryDirectory("local-output")
        let path = directory.file("layout")
        if existedEmpty {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        let layout = try StagedImageLayout(destination: path, owner: nil)
        let blob = try layout.blobWriter(for: "sha256:" + String(repeating: "a", count: 64))
        try [UInt8](repeating: 1, count: 10).withUnsafeBytes { try blob.write($0) }
        try blob.commit()
        // Meanwhile, someone else's work.
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: path + "/theirs.txt", contents: Data("theirs".utf8)))

        let error = try #require(throws: CMKError.self) { try layout.commit(index: Array("{}".utf8)) }
        #expect(error.code == .outputExists)
        #expect(error.message.contains("is no longer an empty folder"))
        layout.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: path) == ["theirs.txt"])
        #expect(FileManager.default.contents(atPath: path + "/theirs.txt") == Data("theirs".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["layout"])
    }

    @Test(arguments: [true, false])
    func aLayoutGoesInPlaceOfAMissingPathOrAnEmptyFolder(existedEmpty: Bool) throws {
        let directory = try TemporaryDirectory("local-output")
        let path = directory.file("layout")
        if existedEmpty {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        let layout = try StagedImageLayout(destination: path + "/", owner: nil)
        try layout.commit(index: Array("{}".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: path).sorted()
                    == ["blobs", "index.json", "oci-layout"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["layout"])
    }
}
