import Foundation
import Testing
@testable import CMKStore

@Suite("BlobDirectory")
struct BlobDirectoryTests {
    let directory: TemporaryDirectory
    let blobs: BlobDirectory

    init() throws {
        directory = try TemporaryDirectory("blob-directory")
        blobs = try BlobDirectory(root: directory.file("blobs/sha256"))
    }

    static let digest = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

    private func temporaryFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: blobs.root + "/tmp")
    }

    private func touch(_ path: String, _ contents: Data) throws {
        guard FileManager.default.createFile(atPath: path, contents: contents) else {
            throw TestFailure("cannot create \(path)")
        }
    }

    private func commit(_ bytes: [UInt8], as id: String) throws {
        let writer = try blobs.makeWriter()
        try writer.write(bytes)
        try writer.commit(id: id)
    }

    @Test func createsRootAndTemporaryFolderPrivately() throws {
        var info = stat()
        #expect(stat(blobs.root, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o700)
        #expect(stat(blobs.root + "/tmp", &info) == 0)
        #expect(info.st_mode & 0o777 == 0o700)
        // Opening again is fine, and a trailing slash is ignored.
        let again = try BlobDirectory(root: blobs.root + "/")
        #expect(again.root == blobs.root)
    }

    @Test func writeCommitReadRoundTrip() throws {
        let big = (0..<(1 << 20) + 17).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let writer = try blobs.makeWriter()
        try writer.write([1, 2, 3])
        try big.withUnsafeBytes { try writer.write($0) }
        try writer.write([])
        #expect(writer.bytesWritten == Int64(3 + big.count))
        #expect(!blobs.exists(id: Self.digest))
        try writer.commit(id: Self.digest)

        #expect(blobs.exists(id: Self.digest))
        #expect(try blobs.size(id: Self.digest) == Int64(3 + big.count))
        #expect(blobs.path(for: Self.digest) == blobs.root + "/9f/" + Self.digest)
        var info = stat()
        #expect(stat(blobs.path(for: Self.digest), &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        #expect(try temporaryFiles().isEmpty)

        let reader = try blobs.openReader(id: Self.digest)
        #expect(reader.size == Int64(3 + big.count))
        #expect(try reader.read(upTo: 3) == [1, 2, 3])
        #expect(try reader.readToEnd() == big)
        #expect(try reader.read(upTo: 10).isEmpty)
    }

    @Test func zeroCopyReadLoopSeesEveryByte() throws {
        let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0) }
        try commit(bytes, as: "abc123")
        let reader = try blobs.openReader(id: "abc123")
        var collected: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        var counts: [Int] = []
        while true {
            let count = try buffer.withUnsafeMutableBytes { try reader.read(into: $0) }
            counts.append(count)
            if count == 0 {
                break
            }
            collected += buffer[0..<count]
        }
        #expect(counts == [4096, 4096, 1808, 0])
        #expect(collected == bytes)
    }

    @Test func emptyBlobIsABlob() throws {
        try commit([], as: "e3b0c442")
        #expect(try blobs.size(id: "e3b0c442") == 0)
        #expect(try blobs.openReader(id: "e3b0c442").readToEnd().isEmpty)
    }

    @Test func droppedWriterLeavesNoFileAndRemovesItsTemporaryFile() throws {
        var temporaryPath = ""
        do {
            let writer = try blobs.makeWriter()
            try writer.write([UInt8](repeating: 7, count: 1000))
            temporaryPath = writer.temporaryFilePath
            #expect(FileManager.default.fileExists(atPath: temporaryPath))
        }
        #expect(!temporaryPath.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: temporaryPath))
        #expect(try temporaryFiles().isEmpty)
        #expect(try blobs.allIDs().isEmpty)
    }

    @Test func abortRemovesTheTemporaryFileAndClosesTheWriter() throws {
        let writer = try blobs.makeWriter()
        try writer.write([1, 2, 3])
        let temporaryPath = writer.temporaryFilePath
        writer.abort()
        #expect(!FileManager.default.fileExists(atPath: temporaryPath))
        let afterAbort = try #require(throws: BlobStoreError.self) { try writer.write([4]) }
        #expect(afterAbort.code == .writerClosed)
        #expect(throws: BlobStoreError.self) { try writer.commit(id: "ab") }
        writer.abort()
        #expect(try blobs.allIDs().isEmpty)
        #expect(!blobs.exists(id: "ab"))
    }

    @Test func writerCannotBeUsedAfterCommit() throws {
        let writer = try blobs.makeWriter()
        try writer.commit(id: "aa")
        let error = try #require(throws: BlobStoreError.self) { try writer.write([1]) }
        #expect(error.code == .writerClosed)
        writer.abort()
        #expect(blobs.exists(id: "aa"))
    }

    static let invalidIDs = [
        "", "..", "../x", "ab/cd", "/etc", "ABCDEF", "abcG", "ab cd", " ab", "ab\n", "é1",
        "tmp", String(repeating: "a", count: 129), "0x12",
    ]

    @Test(arguments: invalidIDs)
    func invalidIDIsRefusedEverywhere(_ id: String) throws {
        #expect(!BlobDirectory.isValidID(id))
        #expect(!blobs.exists(id: id))
        let readError = try #require(throws: BlobStoreError.self) { _ = try blobs.openReader(id: id) }
        #expect(readError.code == .invalidID)
        #expect(throws: BlobStoreError.self) { _ = try blobs.size(id: id) }
        #expect(throws: BlobStoreError.self) { try blobs.remove(id: id) }

        let writer = try blobs.makeWriter()
        try writer.write([1])
        let commitError = try #require(throws: BlobStoreError.self) { try writer.commit(id: id) }
        #expect(commitError.code == .invalidID)
        #expect(commitError.description.contains("lowercase hex"))
        // The refused commit left the writer open: a valid id still works.
        try writer.commit(id: "c0ffee")
        #expect(try blobs.allIDs() == ["c0ffee"])
    }

    @Test(arguments: ["a", "0", String(repeating: "f", count: 128), "0123456789abcdef"])
    func boundaryIDsAreAccepted(_ id: String) throws {
        #expect(BlobDirectory.isValidID(id))
        try commit([9], as: id)
        #expect(try blobs.allIDs() == [id])
        #expect(try blobs.openReader(id: id).readToEnd() == [9])
    }

    @Test func allIDsListsOnlyCommittedBlobs() throws {
        try commit([1], as: "aa01")
        try commit([2], as: "aa02")
        try commit([3], as: "b7")
        let pending = try blobs.makeWriter()
        try pending.write([4])
        // Strays a human or a crash might leave: none is a committed blob.
        try touch(blobs.root + "/README", Data())
        try touch(blobs.root + "/aa/notes.txt", Data())
        try touch(blobs.root + "/aa/cc11", Data())
        try FileManager.default.createDirectory(atPath: blobs.root + "/zz", withIntermediateDirectories: false)
        try touch(blobs.root + "/zz/zz11", Data())

        #expect(try blobs.allIDs() == ["aa01", "aa02", "b7"])
        pending.abort()
    }

    @Test func commitReplacesAnExistingBlobWithTheSameID() throws {
        try commit([1, 2, 3], as: "dd")
        try commit([1, 2, 3], as: "dd")
        #expect(try blobs.allIDs() == ["dd"])
        #expect(try blobs.openReader(id: "dd").readToEnd() == [1, 2, 3])
        #expect(try temporaryFiles().isEmpty)
    }

    @Test func removeDeletesAndMissingBlobsAreReportedByID() throws {
        try commit([5], as: "ee55")
        try blobs.remove(id: "ee55")
        #expect(!blobs.exists(id: "ee55"))
        #expect(try blobs.allIDs().isEmpty)

        let removeAgain = try #require(throws: BlobStoreError.self) { try blobs.remove(id: "ee55") }
        #expect(removeAgain.code == .notFound)
        let open = try #require(throws: BlobStoreError.self) { _ = try blobs.openReader(id: "ee55") }
        #expect(open.code == .notFound)
        #expect(open.errorNumber == ENOENT)
        #expect(open.description.contains("ee55"))
        let size = try #require(throws: BlobStoreError.self) { _ = try blobs.size(id: "ee55") }
        #expect(size.code == .notFound)
    }

    @Test func staleTemporaryFilesOfDeadWritersAreRemovedButLiveOnesKept() throws {
        let live = try blobs.makeWriter()
        try live.write([1])
        // A name no writer makes, and one whose process id cannot exist.
        try touch(blobs.root + "/tmp/junk", Data([0]))
        try touch(blobs.root + "/tmp/2147483646-1f.partial", Data([0]))

        #expect(try blobs.removeStaleTemporaryFiles() == 2)
        #expect(try temporaryFiles() == [URL(fileURLWithPath: live.temporaryFilePath).lastPathComponent])
        try live.commit(id: "1234")
        #expect(try blobs.allIDs() == ["1234"])
        #expect(try blobs.removeStaleTemporaryFiles() == 0)
    }

    @Test func temporaryFileOfAKilledWriterIsSweptAway() throws {
        let exerciser = try Exerciser()
        let hanging = try exerciser.start(["hang-in-blob-write", blobs.root])
        let line = hanging.readLine() ?? ""
        // While its writer lives, the file is not stale.
        #expect(try blobs.removeStaleTemporaryFiles() == 0)
        hanging.killHard()
        #expect(line.hasPrefix("ready "))
        let leftover = String(line.dropFirst("ready ".count))
        #expect(FileManager.default.fileExists(atPath: leftover))
        #expect(try blobs.allIDs().isEmpty)

        #expect(try blobs.removeStaleTemporaryFiles() == 1)
        #expect(!FileManager.default.fileExists(atPath: leftover))
        #expect(try temporaryFiles().isEmpty)
    }
}
