import CMKCrypto
import Foundation

@testable import CMKCore

/// The sealed-stream reader: header parsing, record lengths and authentication, as pulls and fsck open sealed
/// objects (`SealedContentPipeline.open`, two threads) and as small sealed values are opened in memory
/// (`SealedStreamFormat.open`).
///
/// The first byte picks the keys (even: a service-managed registry's one layer; odd: a CMK registry's two), the
/// rest is the sealed object. Random bytes fail authentication at once, so the seeds are real streams sealed with
/// these fixed keys: mutations then reach every header field and record length. The two ways of opening must
/// agree: the same plaintext, or both refuse.
///
/// Run with `ACRCMK_FUZZ_WRITE_SEEDS=<folder>` to write the seeds (see `LLVMFuzzerInitialize`).
private let platformLayerKey = SecureBytes([UInt8](repeating: 0x11, count: 32))
private let dataEncryptionKey = SecureBytes([UInt8](repeating: 0x22, count: 32))
private let salt = [UInt8](repeating: 0x33, count: 32)
private let platformKeys = try! ContentKeys(registryName: "fuzzreg", salt: salt, layerKeys: [platformLayerKey])
private let cmkKeys = try! ContentKeys(registryName: "fuzzreg", salt: salt,
                                       layerKeys: [platformLayerKey, dataEncryptionKey])

/// The object the pipeline expects: the content the in-memory opening found, or any content when it refused.
private func expectedObject(for plaintext: [UInt8]?, sealedSize: Int, keys: ContentKeys) -> ContentObject {
    let digest = ContentDigest.prefix + SHA256.hex(SHA256.hash(plaintext ?? []))
    return ContentObject(digest: digest, size: Int64(plaintext?.count ?? sealedSize),
                         objectID: try! keys.objectID(for: digest))
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSealedStream(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    guard let selector = input.bytes.first else { return 0 }
    let keys = selector & 1 == 1 ? cmkKeys : platformKeys
    let sealed = Array(input.bytes.dropFirst())

    let inMemory = try? SealedStreamFormat.open(sealed, layerKeys: keys.layerKeys, expectedContext: keys.streamContext)
    var streamed: [UInt8] = []
    let object = expectedObject(for: inMemory, sealedSize: sealed.count, keys: keys)
    let pipelineOpened: Bool
    do {
        try SealedContentPipeline.open(
            object, keys: keys, sealedSize: Int64(sealed.count), progress: nil,
            read: { buffer, offset in
                let start = Int(min(offset, Int64(sealed.count)))
                let count = min(buffer.count, sealed.count - start)
                sealed.withUnsafeBytes {
                    buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[start..<start + count]))
                }
                return count
            },
            consume: { streamed += $0 })
        pipelineOpened = true
    } catch {
        pipelineOpened = false
    }
    precondition(pipelineOpened == (inMemory != nil), "the pipeline and the in-memory reader disagree on a stream")
    if pipelineOpened {
        precondition(streamed == inMemory, "the pipeline and the in-memory reader opened different plaintext")
    }
    return 0
}

/// Writes the seed corpus when `ACRCMK_FUZZ_WRITE_SEEDS` names a folder, then exits; otherwise does nothing.
@_cdecl("LLVMFuzzerInitialize")
public func writeSealedStreamSeeds(_ argc: UnsafeMutablePointer<CInt>,
                                   _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>)
    -> CInt {
    guard let folder = ProcessInfo.processInfo.environment["ACRCMK_FUZZ_WRITE_SEEDS"] else { return 0 }
    let plaintexts: [(name: String, bytes: [UInt8], chunkSize: Int)] = [
        ("empty", [], 16),
        ("one-record", Array("hello, sealed stream".utf8), 64),
        ("three-records", Array("0123456789abcdef0123456789abcdef01234".utf8), 16),
        ("exact-records", [UInt8](repeating: 0x41, count: 32), 16),
    ]
    for (keys, selector) in [(platformKeys, UInt8(0)), (cmkKeys, UInt8(1))] {
        for plaintext in plaintexts {
            let sealed = try! SealedStreamFormat.seal(plaintext.bytes, layerKeys: keys.layerKeys,
                                                      context: keys.streamContext, chunkSize: plaintext.chunkSize)
            let name = "\(folder)/\(keys.isCMK ? "cmk" : "platform")-\(plaintext.name)"
            precondition(FileManager.default.createFile(atPath: name, contents: Data([selector] + sealed)), name)
        }
    }
    exit(0)
}
