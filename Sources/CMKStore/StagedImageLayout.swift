#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CMKCore
import Foundation

/// An OCI image layout written in a temporary directory beside its destination and moved there whole on `commit`,
/// so a failed or interrupted pull or export leaves no partial layout (an interrupt removes the staging directory).
///
/// The move is one `rename`, which puts the layout in place of a missing path or of an empty folder and refuses a
/// folder that is not empty, atomically: a folder another process filled while the export ran is never deleted or
/// replaced. A symbolic link, a file or anything else at the destination is refused (`OutputDestination`).
///
/// The staging folder `<name>.acrcmk-partial-<claim>-<random>` is removed on failure and on an interrupt; given a
/// `PartialFileOwner`, its parent folder is recorded in the state home before it is created, so that if the process
/// is killed outright the next command on that home removes it.
final class StagedImageLayout: ImageLayoutDestination {
    let location: String
    private let staging: String
    private var cleanupToken: Int?
    private let claim: PartialFileClaim?

    /// Creates the staging directory with an empty `blobs/sha256`.
    ///
    /// - Parameters:
    ///   - destination: Where the layout goes; CMKCore has checked it is absent or an empty directory.
    ///   - owner: Where to record the staging folder for the sweeps of later commands, if anywhere.
    /// - Throws: `CMKError` (`OutputUnwritable`) naming the destination.
    init(destination: String, owner: PartialFileOwner?) throws {
        var trimmed = destination
        while trimmed.count > 1 && trimmed.hasSuffix("/") {
            trimmed.removeLast()  // "out/" names the folder "out", and its staging folder goes beside it.
        }
        try OutputDestination.check(trimmed, replaces: .folder)
        location = trimmed
        do {
            claim = try owner?.claim(recording: Self.parent(of: trimmed))
        } catch let error as BlobStoreError {
            throw CMKError.badRequest(.outputUnwritable, "Cannot write '\(destination)': the state home cannot "
                + "record its staging folder (\(error.description)).")
        }
        let tag = claim?.token ?? "\(getpid())"
        let random = String(UInt64.random(in: .min ... .max), radix: 16)
        staging = trimmed + PartialFileOwner.outputMarker + "\(tag)-\(random)"
        let fileManager = FileManager.default
        let path = staging
        do {
            (cleanupToken, _) = try InterruptCleanup.shared.register(
                { try? FileManager.default.removeItem(atPath: path) },
                creating: { try fileManager.createDirectory(atPath: path + "/blobs/sha256",
                                                            withIntermediateDirectories: true) })
        } catch {
            try? fileManager.removeItem(atPath: staging)
            claim?.release()
            throw CMKError.badRequest(.outputUnwritable,
                                      "Cannot create '\(destination)': \(error.localizedDescription)")
        }
    }

    deinit {
        discard()
    }

    func blobWriter(for digest: String) throws -> any ContentWriter {
        try OutputFile(destination: staging + "/blobs/sha256/" + ContentDigest.hex(digest), owner: nil)
    }

    /// Writes `oci-layout` and `index.json`, flushes the staging folder and renames it into place.
    ///
    /// - Throws: `CMKError`: `OutputExists` when the destination is no longer missing or empty (it is left as it
    ///   is), `OutputUnwritable` otherwise; the staging folder is then still there, for `discard`.
    func commit(index: [UInt8]) throws {
        try writeFile("oci-layout", Array(OCIImageLayout.layoutMarker.utf8))
        try writeFile("index.json", index)
        do {
            for folder in [staging + "/blobs/sha256", staging + "/blobs", staging] {
                try FileDescriptorIO.syncDirectory(folder)
            }
        } catch let error as BlobStoreError {
            throw CMKError.badRequest(.outputUnwritable, "Cannot write '\(location)': \(error.description).")
        }
        try OutputDestination.check(location, replaces: .folder)
        guard rename(staging, location) == 0 else {
            let number = errno
            guard number == ENOTEMPTY || number == EEXIST else {
                throw CMKError.badRequest(.outputUnwritable, "Cannot move the layout into place as '\(location)': "
                    + "\(String(cString: strerror(number))).")
            }
            throw CMKError.badRequest(.outputExists, "'\(location)' is no longer an empty folder: something else "
                + "wrote into it while the layout was written. It was left as it is; nothing was written.",
                hint: "Choose a new path, or empty that folder and run the command again.")
        }
        cleanupToken.map(InterruptCleanup.shared.unregister)
        cleanupToken = nil
        claim?.release()
        try? FileDescriptorIO.syncDirectory(Self.parent(of: location))
    }

    /// Writes one small file of the layout, flushed, under the staging folder.
    private func writeFile(_ name: String, _ bytes: [UInt8]) throws {
        let file = try OutputFile(destination: staging + "/" + name, owner: nil)
        try bytes.withUnsafeBytes { try file.write($0) }
        try file.commit()
    }

    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    func discard() {
        guard let token = cleanupToken else { return }
        InterruptCleanup.shared.unregister(token)
        cleanupToken = nil
        try? FileManager.default.removeItem(atPath: staging)
        claim?.release()
    }
}
