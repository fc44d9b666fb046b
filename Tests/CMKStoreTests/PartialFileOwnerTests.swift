import CMKCore
import CMKTestSupport
import Foundation
import Testing
@testable import CMKStore

/// Partial files of interrupted commands: the next command removes those of commands that are gone, never those
/// of commands still writing, and fsck reports what was removed.
@Suite("Partial files of interrupted commands", .serialized)
struct PartialFileOwnerTests {
    /// A home with the registry `partial1` holding `big:v1`, a 64 MiB file.
    private static func homeWithABigArtifact(_ directory: TemporaryDirectory) throws -> AcrcmkTool {
        let tool = try AcrcmkTool(home: directory.file("home"))
        try tool.az("group", "create", "-n", "rg1", "-l", "eastus", "-o", "none")
        try tool.az("acr", "create", "-g", "rg1", "-n", "partial1", "--sku", "Basic", "-o", "none")
        try writeRandomFile(directory.file("big.bin"), mebibytes: 64)
        try tool.succeed(["push", "partial1", "big:v1", directory.file("big.bin")])
        return tool
    }

    private static func writeRandomFile(_ path: String, mebibytes: Int) throws {
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        let random = try FileHandle(forReadingFrom: URL(fileURLWithPath: "/dev/urandom"))
        for _ in 0..<mebibytes {
            handle.write(random.readData(ofLength: 1 << 20))
        }
        try handle.close()
        try random.close()
    }

    /// Starts `acrcmk ARGS --home HOME`, waits until `appeared` sees its partial output, sends `signal`, and waits
    /// for the process to end. Returns its exit status, or nil when it finished before the signal.
    private static func interrupt(_ tool: AcrcmkTool, _ arguments: [String], with signal: Int32,
                                  when appeared: () -> Bool) throws -> Int32? {
        let process = Process()
        process.executableURL = tool.executable
        process.arguments = arguments + ["--home", tool.home]
        process.environment = ["HOME": tool.home, "PATH": "/usr/bin:/bin", "NO_COLOR": "1"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, process.isRunning, !appeared() {
            usleep(1_000)
        }
        guard process.isRunning else {
            process.waitUntilExit()
            return nil
        }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()  // Reaped: its process id no longer exists.
        return process.terminationStatus
    }

    private static func names(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    private static func partialNames(in folder: String) -> [String] {
        names(in: folder).filter { $0.contains(".acrcmk-partial-") }
    }

    enum Output: String, CaseIterable, Sendable {
        case file, layout, export

        func arguments(to destination: String) -> [String] {
            switch self {
            case .file: return ["pull", "partial1", "big:v1", destination]
            case .layout: return ["pull", "partial1", "big:v1", destination, "--oci"]
            case .export: return ["export", "partial1", "--repository", "big", "--dest", destination]
            }
        }
    }

    @Test(arguments: Output.allCases)
    func aPullKilledOutrightLeavesPlaintextTheNextCommandRemoves(_ output: Output) throws {
        let directory = try TemporaryDirectory("partial-kill")
        let tool = try Self.homeWithABigArtifact(directory)
        let outputs = directory.file("out")
        try FileManager.default.createDirectory(atPath: outputs, withIntermediateDirectories: true)

        var status: Int32?
        for _ in 0..<3 where status == nil {
            status = try Self.interrupt(tool, output.arguments(to: outputs + "/result"), with: SIGKILL) {
                !Self.partialNames(in: outputs).isEmpty
            }
            if status == nil { try? FileManager.default.removeItem(atPath: outputs + "/result") }
        }
        try #require(status == 128 + SIGKILL || status == SIGKILL, "the command was not killed midway")
        let left = Self.partialNames(in: outputs)
        #expect(left.count == 1, "kill -9 leaves the partial output: \(left)")

        // Any next command on the home removes it.
        #expect(try tool.az("group", "list", "--query", "length(@)") == "1")
        #expect(Self.names(in: outputs).isEmpty, "left behind: \(Self.names(in: outputs))")
        #expect(Self.names(in: tool.home + "/registry/blobs/writers").isEmpty)
    }

    @Test func fsckReportsThePartialFilesItRemoved() throws {
        let directory = try TemporaryDirectory("partial-fsck")
        let tool = try Self.homeWithABigArtifact(directory)
        let outputs = directory.file("out")
        try FileManager.default.createDirectory(atPath: outputs, withIntermediateDirectories: true)
        let status = try Self.interrupt(tool, ["pull", "partial1", "big:v1", outputs], with: SIGKILL) {
            !Self.partialNames(in: outputs).isEmpty
        }
        try #require(status != nil, "the pull was not killed midway")
        let left = try #require(Self.partialNames(in: outputs).first)

        let report = try tool.run(["fsck"])
        #expect(report.status == 0, "\(report.errors)")
        #expect(report.output.contains("Partial files left by interrupted commands: 1 removed."), "\(report.output)")
        #expect(report.output.contains("  REMOVED \(outputs)/\(left)"), "\(report.output)")
        let json = try tool.run(["fsck", "-o", "json", "--query", "partialFiles.removed"])
        #expect(json.output.trimmingCharacters(in: .whitespacesAndNewlines) == "[]", "removed once, by the first")
        #expect(Self.names(in: outputs).isEmpty)
    }

    @Test(arguments: [SIGTERM, SIGKILL])
    func anInterruptedPushLeavesNoTemporaryObjectBehind(signal: Int32) throws {
        let directory = try TemporaryDirectory("partial-push")
        let tool = try AcrcmkTool(home: directory.file("home"))
        try tool.az("group", "create", "-n", "rg1", "-l", "eastus", "-o", "none")
        try tool.az("acr", "create", "-g", "rg1", "-n", "partial1", "--sku", "Basic", "-o", "none")
        try Self.writeRandomFile(directory.file("big.bin"), mebibytes: 64)
        let temporary = tool.home + "/registry/blobs/tmp"

        let status = try Self.interrupt(tool, ["push", "partial1", "big:v1", directory.file("big.bin")],
                                        with: signal) {
            Self.names(in: temporary).contains { $0.hasSuffix(".partial") }
        }
        try #require(status != nil, "the push was not interrupted midway")
        if signal == SIGTERM {
            #expect(status == 128 + SIGTERM)
            #expect(Self.names(in: temporary).isEmpty, "SIGTERM left \(Self.names(in: temporary))")
        } else {
            #expect(Self.names(in: temporary).count == 1, "kill -9 leaves the temporary object")
            let report = try tool.run(["fsck"])
            #expect(report.output.contains("Partial files left by interrupted commands: 1 removed."),
                    "\(report.output)")
            #expect(report.output.contains("  REMOVED \(temporary)/"))
            #expect(Self.names(in: temporary).isEmpty)
        }
        #expect(Self.names(in: tool.home + "/registry/blobs/writers").isEmpty)
    }

    /// A pull in this process is still writing while another process runs a command on the same home: its partial
    /// file is kept, then committed.
    @Test func theNextCommandKeepsThePartialFilesOfALiveCommand() throws {
        let directory = try TemporaryDirectory("partial-live")
        let tool = try AcrcmkTool(home: directory.file("home"))
        try tool.az("group", "create", "-n", "rg1", "-l", "eastus", "-o", "none")
        let home = try StateHome.open(path: tool.home, wallClock: { Date() })
        let files = LocalFileSystem()
        files.recordPartialOutputs(in: home)
        let file = try files.createFile(at: directory.file("out.bin"))
        try [UInt8](repeating: 1, count: 10).withUnsafeBytes { try file.write($0) }
        let layout = try files.createImageLayout(at: directory.file("layout"))
        let blob = try home.blobs.makeWriter()
        try blob.write([1, 2, 3])
        let partials = Self.partialNames(in: directory.path)
        #expect(partials.count == 2)

        try tool.run(["status"])
        let fsck = try tool.run(["fsck", "--repair"])
        #expect(!fsck.output.contains("Partial files"), "\(fsck.output)")
        #expect(Self.partialNames(in: directory.path) == partials)
        #expect(FileManager.default.fileExists(atPath: blob.temporaryFilePath))

        try file.commit()
        try layout.commit(index: Array("{}".utf8))
        try blob.commit(id: "ab12")
        #expect(Self.names(in: directory.path) == ["home", "layout", "out.bin"])
        #expect(Self.names(in: tool.home + "/registry/blobs/writers").isEmpty, "the last hold removes the lock file")
    }

    /// A temporary object older than a day whose writer is alive: 0.2.0 removed it, as stale.
    @Test func aLiveWriterIsKeptHoweverOld() throws {
        let directory = try TemporaryDirectory("partial-old")
        let blobs = try BlobDirectory(root: directory.file("blobs"))
        let writer = try blobs.makeWriter()
        try writer.write([1])
        var times = [timeval(tv_sec: time(nil) - 3 * 24 * 3600, tv_usec: 0),
                     timeval(tv_sec: time(nil) - 3 * 24 * 3600, tv_usec: 0)]
        #expect(utimes(writer.temporaryFilePath, &times) == 0)

        // Another process sweeps, as the next command would.
        let other = try BlobDirectory(root: directory.file("blobs"))
        #expect(try other.removeStaleTemporaryFiles() == 0)
        #expect(FileManager.default.fileExists(atPath: writer.temporaryFilePath))
        try writer.commit(id: "cd34")
    }

    /// A copy of a home taken while a pull was writing (a drill's scratch copy, a backup restored on the same
    /// machine) holds a lock file nobody has locked; the pull it names is alive and its file must stay.
    @Test func aCopiedLockFileDoesNotMakeALiveCommandsFilesStale() throws {
        let directory = try TemporaryDirectory("partial-copy")
        let home = try StateHome.open(path: directory.file("home"), wallClock: { Date() })
        let files = LocalFileSystem()
        files.recordPartialOutputs(in: home)
        let file = try files.createFile(at: directory.file("out.bin"))
        let partials = Self.partialNames(in: directory.path)
        #expect(partials.count == 1)

        try FileManager.default.copyItem(atPath: directory.file("home"), toPath: directory.file("copy"))
        let copy = try StateHome.open(path: directory.file("copy"), wallClock: { Date() })
        #expect(copy.blobs.partialFilesSwept == PartialFileSweep())
        #expect(Self.partialNames(in: directory.path) == partials)
        file.discard()
        #expect(Self.partialNames(in: directory.path).isEmpty)
    }

    /// The lock file of a writer killed outright, with what it recorded: swept by the exerciser's blob directory.
    @Test func aKilledWritersRecordedFolderIsSweptOnlyOfItsOwnFiles() throws {
        let directory = try TemporaryDirectory("partial-dead")
        let blobs = try BlobDirectory(root: directory.file("blobs"))
        let exerciser = try Exerciser()
        let hanging = try exerciser.start(["hang-in-blob-write", blobs.root])
        let line = hanging.readLine() ?? ""
        #expect(line.hasPrefix("ready "))
        let token = String(URL(fileURLWithPath: String(line.dropFirst(6))).lastPathComponent
            .split(separator: "-").prefix(2).joined(separator: "-"))
        // What the dead writer's claim would have recorded, and a file of someone else's beside it.
        let lockPath = blobs.writersDirectory + "/" + token + ".lock"
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: lockPath))
        try handle.seekToEnd()
        handle.write(Data((directory.path + "\0").utf8))
        try handle.close()
        #expect(FileManager.default.createFile(atPath: directory.file(".a.bin.acrcmk-partial-\(token)-1f"),
                                               contents: Data([1])))
        #expect(FileManager.default.createFile(atPath: directory.file(".b.bin.acrcmk-partial-1-2-3"),
                                               contents: Data([2])))
        #expect(try blobs.removeStaleTemporaryFiles() == 0, "alive: nothing is stale")

        hanging.killHard()
        #expect(try blobs.removeStaleTemporaryFiles() == 2)
        #expect(Self.partialNames(in: directory.path) == [".b.bin.acrcmk-partial-1-2-3"])
        #expect(Self.names(in: blobs.temporaryDirectory).isEmpty)
        #expect(Self.names(in: blobs.writersDirectory).isEmpty)
        #expect(blobs.partialFilesSwept.removed.sorted()
                    == [directory.file(".a.bin.acrcmk-partial-\(token)-1f"), String(line.dropFirst(6))].sorted())
    }
}
