import CMKTestSupport
import Foundation
import Testing

/// Two processes, two homes: a vault home served by `acrcmk serve --tls-self-signed`, and a registry home made from
/// it by `acrcmk vault detach`, whose registries unwrap their keys through that server's Key Vault REST API as their
/// identities. The registry home holds no vault key material; with the vault process stopped, push, pull and
/// check-health fail naming the unreachable vault; restarted on the same port, everything works again.
@Suite(.serialized) struct RemoteVaultTests {
    static let registry = "remotereg"

    /// The vault home's server, and the registry home made from it.
    struct Homes {
        let vault: ServedRegistry
        let registryHome: URL
        var url: String { "https://127.0.0.1:\(vault.port)" }

        /// The CLI on the registry home.
        func cli(_ arguments: String...) throws -> ProcessOutput {
            try vault.run(vault.executable.path, arguments, environment: ["ACRCMK_HOME": registryHome.path])
        }
    }

    func makeHomes() throws -> Homes {
        let vault = try ServedRegistry(registry: Self.registry, tls: true)
        let registryHome = vault.folder.appendingPathComponent("registry-home")
        let homes = Homes(vault: vault, registryHome: registryHome)
        let detached = try vault.acrcmk("vault", "detach", "--to", registryHome.path, "--vault-url", homes.url)
        try vault.require(detached, "vault detach")
        #expect(detached.stdout.contains("Removed from it: 1 vault(s) (kv-\(Self.registry)), 1 key(s)"))
        return homes
    }

    func pushAndPull(_ homes: Homes, tag: String, content: String) throws -> ProcessOutput {
        let file = homes.vault.folder.appendingPathComponent("\(tag).txt")
        try Data(content.utf8).write(to: file)
        let pushed = try homes.cli("push", Self.registry, "app:\(tag)", file.path)
        guard pushed.exitCode == 0 else { return pushed }
        return try pull(homes, tag: tag, expecting: content)
    }

    func pull(_ homes: Homes, tag: String, expecting content: String) throws -> ProcessOutput {
        let out = homes.vault.folder.appendingPathComponent("pulled-\(tag)-\(UUID().uuidString).txt")
        let pulled = try homes.cli("pull", Self.registry, "app:\(tag)", out.path)
        if pulled.exitCode == 0 {
            #expect((try? String(contentsOf: out, encoding: .utf8)) == content)
        }
        return pulled
    }

    @Test func registryHomeUnwrapsThroughTheVaultProcessAndFailsWithTheCauseWhileItIsStopped() throws {
        let homes = try makeHomes()
        let vault = homes.vault
        try vault.require(homes.cli("config", "get", "keyvault.url"))
        #expect(try homes.cli("config", "get", "keyvault.url").stdout.contains(homes.url))

        // Push and pull on the registry home: every unwrap is the vault process's, as the registry's identity.
        let vaultID = try vault.acrcmk("az", "keyvault", "show", "-n", "kv-\(Self.registry)", "--query", "id", "-o",
                                       "tsv")
        try vault.require(vaultID)
        try vault.require(vault.acrcmk("az", "monitor", "diagnostic-settings", "create", "--name", "audit",
                                       "--resource", vaultID.stdout.trimmingCharacters(in: .whitespacesAndNewlines),
                                       "--logs", #"[{"category": "AuditEvent", "enabled": true}]"#,
                                       "--workspace", "ws1", "-o", "none"))
        try vault.require(pushAndPull(homes, tag: "1.0", content: "sealed through a vault in another process"))
        let audit = try vault.acrcmk("audit", "--vault", "kv-\(Self.registry)", "--operation", "KeyUnwrap", "-o",
                                     "json")
        try vault.require(audit)
        let unwraps = try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(unwraps.count >= 2)
        #expect(unwraps.allSatisfy {
            $0["caller"] as? String == "managed identity \(Self.registry)-identity"
                && $0["resultSignature"] as? String == "OK"
        }, "\(unwraps)")
        let health = try homes.cli("az", "acr", "check-health", "-n", Self.registry, "--yes")
        #expect(!(health.stdout + health.stderr).contains("CMK_ERROR"))

        // The registry home's own server, told where the vault is by --vault-url (the home's setting points
        // nowhere meanwhile, so the CLI fails and the server's flag is what works).
        try vault.require(homes.cli("config", "set", "keyvault.url", "https://127.0.0.1:1"))
        let nowhere = try pull(homes, tag: "1.0", expecting: "")
        #expect(nowhere.exitCode != 0)
        #expect(nowhere.stderr.contains("(VaultUnreachable)"))
        #expect(nowhere.stderr.contains("The Key Vault at https://127.0.0.1:1 could not be reached (connection refused"))
        let served = try ServedRegistry(existingHome: homes.registryHome,
                                        serveArguments: ["--vault-url", homes.url,
                                                         "--vault-ca", vault.caCertificate.path])
        try vault.require(homes.cli("config", "set", "keyvault.url", homes.url))
        let token = try homes.cli("az", "acr", "login", "-n", Self.registry, "--expose-token", "--query",
                                  "accessToken", "-o", "tsv")
        try vault.require(token)
        let creds = "\(refreshTokenUser):\(token.stdout.trimmingCharacters(in: .whitespacesAndNewlines))"
        let target = "docker://\(served.host)/\(Self.registry)/app:1.0"
        func inspect() throws -> ProcessOutput {
            try served.run("skopeo", ["inspect", "--raw", "--tls-verify=false", "--creds", creds, target])
        }
        try served.require(inspect(), "skopeo inspect through the registry home's server")

        // The vault process stopped: the precise cause everywhere.
        let port = vault.port
        vault.stop()
        let refused = "The Key Vault at \(homes.url) could not be reached (connection refused"
        let pullDown = try pull(homes, tag: "1.0", expecting: "")
        #expect(pullDown.exitCode != 0)
        #expect(pullDown.stderr.contains("(VaultUnreachable) The content of registry '\(Self.registry)' cannot be pulled"))
        #expect(pullDown.stderr.contains(refused), "\(pullDown.stderr)")
        #expect(pullDown.stderr.contains("Hint: Start the vault's server again"))
        let pushDown = try pushAndPull(homes, tag: "2.0", content: "not while the vault is down")
        #expect(pushDown.exitCode != 0)
        #expect(pushDown.stderr.contains("cannot be pushed") && pushDown.stderr.contains(refused))
        let healthDown = try homes.cli("az", "acr", "check-health", "-n", Self.registry, "--yes")
        #expect((healthDown.stdout + healthDown.stderr).contains("An error occurred: CMK_ERROR"))
        let findings = try homes.cli("check-health", "--registry", Self.registry)
        #expect(findings.stdout.contains("[ERROR] vault: VaultUnreachable — \(refused)"), "\(findings.stdout)")
        let inspectDown = try inspect()
        #expect(inspectDown.exitCode != 0)
        #expect(inspectDown.stderr.contains("denied") && inspectDown.stderr.contains(refused), "\(inspectDown.stderr)")

        // Restarted on the same port (a new CA, written to the same file): service is back.
        try vault.restart()
        #expect(vault.port == port)
        try vault.require(pull(homes, tag: "1.0", expecting: "sealed through a vault in another process"))
        try vault.require(pushAndPull(homes, tag: "2.0", content: "after the vault came back"))
        try served.require(inspect(), "skopeo inspect after the vault came back")
        let healthUp = try homes.cli("az", "acr", "check-health", "-n", Self.registry, "--yes")
        #expect(!(healthUp.stdout + healthUp.stderr).contains("CMK_ERROR"))

        // The vault decides: a key disabled in the vault home reads as the in-process vault's denial.
        try vault.require(vault.acrcmk("az", "keyvault", "key", "set-attributes", "--vault-name",
                                       "kv-\(Self.registry)", "-n", "\(Self.registry)-cmk", "--enabled", "false",
                                       "-o", "none"))
        let disabled = try pull(homes, tag: "1.0", expecting: "")
        #expect(disabled.stderr.contains("(KeyDisabled)"), "\(disabled.stderr)")
        #expect(disabled.stderr.contains("Operation unwrapKey is not allowed on a disabled key."))
        #expect(disabled.stderr.contains("Hint: az keyvault key set-attributes --name \(Self.registry)-cmk"))
        try vault.require(vault.acrcmk("recover", "--registry", Self.registry))
        try vault.require(pull(homes, tag: "2.0", expecting: "after the vault came back"))
    }

    @Test func registryHomeHoldsNoVaultKeyMaterial() throws {
        let homes = try makeHomes()
        let home = homes.registryHome
        let fileManager = FileManager.default
        #expect(!fileManager.fileExists(atPath: home.appendingPathComponent("control/vault.key").path))
        #expect(!fileManager.fileExists(atPath: home.appendingPathComponent("serve-ca.pem").path))
        // The platform key stays: the registry's service-managed layer, not Key Vault's.
        #expect(fileManager.fileExists(atPath: home.appendingPathComponent("control/platform.key").path))

        // No file of the registry home holds the vault master key's bytes or a key version's sealed private key.
        let vaultKey = try Data(contentsOf: homes.vault.home.appendingPathComponent("control/vault.key"))
        let marker = Data("sealedPrivateKey".utf8)  // the member of a key version's JSON row that holds it
        var files = 0
        for case let path as String in fileManager.enumerator(atPath: home.path) ?? FileManager.DirectoryEnumerator() {
            let url = home.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue
            else { continue }
            let bytes = try Data(contentsOf: url)
            files += 1
            #expect(bytes.range(of: vaultKey) == nil, "\(path) holds the vault master key")
            #expect(bytes.range(of: marker) == nil, "\(path) holds a sealed private key")
        }
        #expect(files > 3)

        // The tables: no vault, no key, no key version; the settings name the vault process.
        let script = """
            import sqlite3, sys, json
            db = sqlite3.connect(sys.argv[1])
            counts = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                      for t in ("vaults", "vault_keys", "key_versions", "registries", "identities")}
            header = json.loads(db.execute("SELECT body FROM world_header").fetchone()[0])
            print(json.dumps({"counts": counts, "config": header["config"]}))
            """
        let output = try homes.vault.run("python3", ["-c", script, home.appendingPathComponent("control/state.db").path])
        try homes.vault.require(output)
        let json = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any] ?? [:]
        let counts = json["counts"] as? [String: Int] ?? [:]
        #expect(counts == ["vaults": 0, "vault_keys": 0, "key_versions": 0, "registries": 1, "identities": 1])
        let config = json["config"] as? [String: String] ?? [:]
        #expect(config["keyvault.url"] == homes.url)
        #expect(config["keyvault.ca-file"] == homes.vault.caCertificate.path)

        // Key Vault commands on the registry home say where the vault is; the vault home is unchanged.
        let create = try homes.cli("az", "keyvault", "key", "create", "--vault-name", "kv-\(Self.registry)", "-n", "k2")
        #expect(create.exitCode != 0)
        #expect(create.stderr.contains("This state home is a registry home: its registries use the Key Vault served "
                                       + "at \(homes.url)"), "\(create.stderr)")
        let vaults = try homes.vault.acrcmk("az", "keyvault", "list", "--query", "length(@)", "-o", "tsv")
        #expect(vaults.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
        #expect(fileManager.fileExists(atPath: homes.vault.home.appendingPathComponent("control/vault.key").path))
    }
}
