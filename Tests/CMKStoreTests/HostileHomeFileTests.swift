import CMKCore
import CMKTestSupport
import Foundation
import Testing
@testable import CMKStore

/// Something other than a sealed object's regular file in its place: a FIFO, a folder, a symbolic link. Pull and
/// fsck must neither hang nor abort: the object is damaged, the others are still verified, nothing is written.
@Suite("Hostile files in a state home")
struct HostileHomeFileTests {
    enum Replacement: String, CaseIterable, Sendable {
        case fifo, folder, symbolicLink

        var description: String {
            switch self {
            case .fifo: return "a FIFO"
            case .folder: return "a folder"
            case .symbolicLink: return "a symbolic link"
            }
        }

        func install(at path: String) throws {
            #expect(unlink(path) == 0)
            switch self {
            case .fifo: #expect(mkfifo(path, 0o600) == 0)
            case .folder: #expect(mkdir(path, 0o700) == 0)
            case .symbolicLink: #expect(symlink("/dev/zero", path) == 0)  // Endless, if it were followed.
            }
        }
    }

    /// A home with registry `hostile1` holding `repo:v1`, a 64 KiB file; returns the layer's sealed file.
    private static func homeWithOneArtifact(_ directory: TemporaryDirectory) throws -> (AcrcmkTool, String) {
        let tool = try AcrcmkTool(home: directory.file("home"))
        try tool.succeed(["setup", "--registry", "hostile1"])
        let input = directory.file("in.bin")
        try Data(MarkedContent(size: 64 << 10).bytes).write(to: URL(fileURLWithPath: input))
        try tool.succeed(["push", "hostile1", "repo:v1", input])
        return (tool, try tool.largestSealedFile())
    }

    /// Runs the binary under `timeout`, so a hang fails the test (exit 124) instead of stalling the suite.
    private static func run(_ tool: AcrcmkTool, _ arguments: [String]) throws -> ProcessOutput {
        try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/timeout"),
                              ["60", tool.executable.path] + arguments + ["--home", tool.home],
                              environment: ["HOME": tool.home, "PATH": "/usr/bin:/bin", "NO_COLOR": "1"])
    }

    @Test(arguments: Replacement.allCases)
    func pullRefusesPromptlyAndWritesNothing(_ replacement: Replacement) throws {
        let directory = try TemporaryDirectory("hostile-blob")
        let (tool, layer) = try Self.homeWithOneArtifact(directory)
        try replacement.install(at: layer)

        let output = try Self.run(tool, ["pull", "hostile1", "repo:v1", directory.file("out.bin")])
        #expect(output.exitCode == 1, "exit \(output.exitCode) (124: it hung): \(output.stderr)")
        #expect(output.stderr.contains("(ContentTampered)"))
        #expect(output.stderr.contains("is \(replacement.description), not a regular file"), "\(output.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.file("out.bin")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["home", "in.bin"])
    }

    @Test(arguments: Replacement.allCases)
    func fsckReportsTheObjectAsDamagedAndChecksTheOthers(_ replacement: Replacement) throws {
        let directory = try TemporaryDirectory("hostile-blob")
        let (tool, layer) = try Self.homeWithOneArtifact(directory)
        try replacement.install(at: layer)

        for arguments in [["fsck"], ["fsck", "--repair"]] {
            let output = try Self.run(tool, arguments)
            #expect(output.exitCode == 1, "\(arguments): exit \(output.exitCode) (124: it hung): \(output.stderr)")
            #expect(output.stdout.hasPrefix("Checked 3 sealed objects: 2 verified, 1 damaged, 0 missing"),
                    "\(arguments): \(output.stdout)\(output.stderr)")
            #expect(output.stdout.contains("is \(replacement.description), not a regular file"))
            #expect(output.stdout.contains("Orphans: 0 unreferenced files"))
        }
        var info = stat()
        #expect(lstat(layer, &info) == 0, "fsck --repair must not remove what it did not write")
    }

    @Test func aBlobReaderRefusesAFIFOWithoutWaitingForAWriter() throws {
        let directory = try TemporaryDirectory("hostile-blob")
        let blobs = try BlobDirectory(root: directory.file("blobs"))
        let id = String(repeating: "ab", count: 32)
        #expect(mkdir(blobs.root + "/ab", 0o700) == 0)
        #expect(mkfifo(blobs.path(for: id), 0o600) == 0)
        // A writer holds the FIFO open, so that a reader that does not refuse it fails this test instead of hanging.
        let writer = open(blobs.path(for: id), O_RDWR | O_NONBLOCK)
        #expect(writer >= 0)
        defer { close(writer) }

        let error = try #require(throws: BlobStoreError.self) { try blobs.openReader(id: id) }
        #expect(error.code == .notARegularFile)
        #expect(error.description.contains("it is a FIFO, not a regular file"))
        #expect(!blobs.exists(id: id))
        #expect(try blobs.allIDs().isEmpty, "a FIFO is no blob a writer made")
    }
}
