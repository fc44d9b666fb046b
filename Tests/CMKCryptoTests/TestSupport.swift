import CMKTestSupport
import Foundation
import Testing

@_spi(KeySealing) @testable import CMKCrypto

/// Helpers shared by the CMKCrypto tests: test-data location, hex, temporary folders and the openssl CLI.
enum TestSupport {
    /// Reads a file from `Tests/Vectors/wycheproof`, failing with a clear message when it is missing.
    static func wycheproofData(_ name: String) throws -> Data {
        let url = try PackageLayout.vectorDirectory("wycheproof").appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw TestSupportError(
                "missing test vectors \(url.path): restore them with `git checkout -- Tests/Vectors`")
        }
        return data
    }

    static func bytes(hex: String) -> [UInt8] {
        precondition(hex.count % 2 == 0, "odd-length hex string")
        var bytes = [UInt8]()
        bytes.reserveCapacity(hex.count / 2)
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        return bytes
    }

    static func array(_ secret: SecureBytes) -> [UInt8] {
        secret.withUnsafeBytes { Array($0) }
    }

    /// A fresh temporary folder, removed when `body` returns.
    static func withTemporaryDirectory<R>(_ body: (URL) throws -> R) throws -> R {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("acrcmk-crypto-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url)
    }

    /// Runs the `openssl` CLI and returns its standard output; throws with stderr when it exits non-zero.
    @discardableResult
    static func openssl(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errorData, as: UTF8.self)
            throw TestSupportError(
                "openssl \(arguments.joined(separator: " ")) exited \(process.terminationStatus): \(message)"
            )
        }
        return outputData
    }
}

struct TestSupportError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// One 2048-bit key shared by the tests that only need "some key" (generation is slow).
let sharedKey2048: RSAPrivateKey = {
    do {
        return try RSAPrivateKey.generate(bitCount: 2048)
    } catch {
        fatalError("generating the shared 2048-bit test key failed: \(error)")
    }
}()

/// A second, different 2048-bit key for wrong-key tests.
let otherKey2048: RSAPrivateKey = {
    do {
        return try RSAPrivateKey.generate(bitCount: 2048)
    } catch {
        fatalError("generating the second 2048-bit test key failed: \(error)")
    }
}()
