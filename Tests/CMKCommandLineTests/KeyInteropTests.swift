import Foundation
import JMESPath
import Testing

/// `az keyvault key encrypt/decrypt` interoperate with Python's `cryptography` (OpenSSL underneath, but not our code).
@Suite("Key Vault encrypt/decrypt interop with Python cryptography")
struct KeyInteropTests {
    static let algorithms = ["RSA-OAEP-256", "RSA-OAEP", "RSA1_5"]

    static var pythonAvailable: Bool {
        (try? Self.python("import cryptography")) != nil
    }

    static func python(_ script: String, input: String = "") throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw PythonFailed(status: process.terminationStatus) }
        return String(decoding: output, as: UTF8.self)
    }

    struct PythonFailed: Error { var status: Int32 }

    static let paddings = """
        import base64, json, sys
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import padding
        def pad(alg):
            if alg == "RSA-OAEP-256":
                return padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=None)
            if alg == "RSA-OAEP":
                return padding.OAEP(mgf=padding.MGF1(hashes.SHA1()), algorithm=hashes.SHA1(), label=None)
            return padding.PKCS1v15()
        """

    @Test(.enabled(if: pythonAvailable, "python3 with the cryptography package is needed"))
    func pythonEncryptsWithThePublicJWKAndAcrcmkDecrypts() throws {
        let az = ToolHarness()
        #expect(az.run("az", "group", "create", "-n", "rg", "-l", "eastus", "-o", "none").exitCode == 0)
        #expect(az.run("az", "keyvault", "create", "-n", "kvinterop", "-g", "rg", "-o", "none").exitCode == 0)
        #expect(az.run("az", "keyvault", "key", "create", "--vault-name", "kvinterop", "-n", "k1", "-o", "none").exitCode == 0)
        let jwk = az.run("az", "keyvault", "key", "show", "--vault-name", "kvinterop", "-n", "k1", "--query", "key", "-o", "json").stdout
        let plaintext = Data("acrcmk interop: a 32-byte DEK stand-in!".utf8).base64EncodedString()
        let script = Self.paddings + """

            from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicNumbers
            jwk = json.loads(sys.stdin.read())
            b64u = lambda s: int.from_bytes(base64.urlsafe_b64decode(s + "=" * (-len(s) % 4)), "big")
            key = RSAPublicNumbers(b64u(jwk["e"]), b64u(jwk["n"])).public_key()
            msg = base64.b64decode("\(plaintext)")
            print(json.dumps({alg: base64.b64encode(key.encrypt(msg, pad(alg))).decode() for alg in \(Self.algorithms)}))
            """
        let ciphertexts = try JSONValue.parse(try Self.python(script, input: jwk))
        for algorithm in Self.algorithms {
            let ciphertext = try #require(ciphertexts[algorithm]?.stringValue)
            let result = az.run("az", "keyvault", "key", "decrypt", "--vault-name", "kvinterop", "-n", "k1",
                                "--algorithm", algorithm, "--value", ciphertext, "--query", "result", "-o", "tsv")
            #expect(result.exitCode == 0, "\(algorithm): \(result.stderr)")
            #expect(result.stdout == plaintext + "\n", "\(algorithm)")
        }
        let wrong = az.run("az", "keyvault", "key", "decrypt", "--vault-name", "kvinterop", "-n", "k1",
                           "--algorithm", "RSA-OAEP", "--value", try #require(ciphertexts["RSA-OAEP-256"]?.stringValue))
        #expect(wrong.exitCode == 1, "a ciphertext decrypted with the wrong algorithm must fail")
    }

    @Test(.enabled(if: pythonAvailable, "python3 with the cryptography package is needed"))
    func acrcmkEncryptsAndPythonDecryptsWithTheImportedKey() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("interop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let pem = folder.appendingPathComponent("key.pem")
        _ = try Self.python("""
            from cryptography.hazmat.primitives.asymmetric import rsa
            from cryptography.hazmat.primitives import serialization
            key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
            open("\(pem.path)", "wb").write(key.private_bytes(serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
            """)
        let az = ToolHarness()
        #expect(az.run("az", "group", "create", "-n", "rg", "-l", "eastus", "-o", "none").exitCode == 0)
        #expect(az.run("az", "keyvault", "create", "-n", "kvinterop", "-g", "rg", "-o", "none").exitCode == 0)
        let imported = az.run("az", "keyvault", "key", "import", "--vault-name", "kvinterop", "-n", "imported",
                              "--pem-file", pem.path, "--query", "key.kty", "-o", "tsv")
        #expect(imported.exitCode == 0, "\(imported.stderr)")
        #expect(imported.stdout == "RSA\n")
        let plaintext = Data("sealed by acrcmk, opened by python".utf8).base64EncodedString()
        var ciphertexts: [String: String] = [:]
        for algorithm in Self.algorithms {
            let result = az.run("az", "keyvault", "key", "encrypt", "--vault-name", "kvinterop", "-n", "imported",
                                "--algorithm", algorithm, "--value", plaintext, "--query", "result", "-o", "tsv")
            #expect(result.exitCode == 0, "\(algorithm): \(result.stderr)")
            ciphertexts[algorithm] = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let script = Self.paddings + """

            from cryptography.hazmat.primitives import serialization
            key = serialization.load_pem_private_key(open("\(pem.path)", "rb").read(), password=None)
            cts = json.loads(sys.stdin.read())
            print(json.dumps({alg: base64.b64encode(key.decrypt(base64.b64decode(ct), pad(alg))).decode()
                              for alg, ct in cts.items()}))
            """
        let input = JSONValue.object(JSONObject(ciphertexts.map { ($0.key, JSONValue.string($0.value)) })).serialized(.compact)
        let opened = try JSONValue.parse(try Self.python(script, input: input))
        for algorithm in Self.algorithms {
            #expect(opened[algorithm] == .string(plaintext), "\(algorithm)")
        }
        try? FileManager.default.removeItem(at: folder)
    }
}
