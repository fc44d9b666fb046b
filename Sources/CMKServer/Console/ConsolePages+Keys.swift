import CMKCore
import Foundation

/// A vault's Keys: + Generate/Import, Create; the key's versions; the current version's Key identifier.
extension ConsoleEndpoint {
    func keysPage(_ vaultName: String, notice: String?) throws -> HTTPResponse {
        let (vault, keys) = try perform { session -> (KeyVault, [VaultKey]) in
            let vault = try requireVault(vaultName, in: session)
            return (vault, try session.listKeys(vaultName: vault.name).sorted { $0.name < $1.name })
        }
        let base = "/portal/vaults/\(HTML.segment(vault.name))/keys"
        let rows = keys.map { key -> HTML in
            """
            <tr><td><a href="\(base)/\(HTML.segment(key.name))">\(key.name)</a></td><td>\(key.current.keyType.rawValue)</td>\
            <td>\(key.current.enabled ? "Enabled" : "Disabled")</td>\
            <td>\(key.current.expires.map(Timestamp.azString) ?? "")</td></tr>
            """
        }
        return vaultBlade(vault, title: "\(vault.name) | Keys", notice: notice, crumbs: [("Keys", base)], """
            <div class="toolbar">\(Control.link("+ Generate/Import", to: base + "/create", button: true))</div>
            <table><thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Status</th>\
            <th scope="col">Expiration date</th></tr></thead><tbody>\(rows)</tbody></table>
            \(keys.isEmpty ? HTML("<p>There are no keys available.</p>") : "")
            """)
    }

    func keyForm(_ vaultName: String, values: FormFields?, error: String?) throws -> HTTPResponse {
        let vault = try perform { try requireVault(vaultName, in: $0) }
        let base = "/portal/vaults/\(HTML.segment(vault.name))/keys"
        return vaultBlade(vault, title: "Create a key", error: error,
                          crumbs: [("Keys", base), ("Create a key", base + "/create")], """
            <form method="post" action="\(base)/create" class="panel">\(csrfField)
            \(Control.select("options", label: "Options", options: [("generate", "Generate")], selected: "generate",
                             hint: "Import: use acrcmk az keyvault key import --pem-file FILE."))
            \(Control.text("name", label: "Name", value: values?.value("name") ?? "", required: true))
            \(Control.radios("keyType", legend: "Key type", options: [
                ("RSA", "RSA"), ("RSA-HSM", "RSA-HSM"), ("EC", "EC"), ("EC-HSM", "EC-HSM"),
            ], selected: values?.value("keyType") ?? "RSA"))
            \(Control.radios("keySize", legend: "RSA key size", options: [("2048", "2048"), ("3072", "3072"), ("4096", "4096")],
                             selected: values?.value("keySize") ?? "2048"))
            \(Control.radios("enabled", legend: "Enabled", options: [("yes", "Yes"), ("no", "No")],
                             selected: values?.value("enabled") ?? "yes"))
            <div class="actions">\(Control.submit("Create"))\(Control.link("Cancel", to: base))</div></form>
            """)
    }

    func createKey(_ vaultName: String, _ form: FormFields) throws -> HTTPResponse {
        do {
            let key = try perform { session -> VaultKey in
                let vault = try requireVault(vaultName, in: session)
                var request = KeyCreateRequest(vaultName: vault.name, name: form.value("name") ?? "")
                guard let type = KeyType(rawValue: form.value("keyType") ?? "RSA") else {
                    throw CMKError.badRequest(.invalidKeyType, "Choose a key type: RSA, RSA-HSM, EC or EC-HSM.")
                }
                request.keyType = type
                if type.isRSA { request.size = Int(form.value("keySize") ?? "2048") }
                request.disabled = form.value("enabled") == "no"
                return try session.createKey(request).0
            }
            return redirect("/portal/vaults/\(HTML.segment(vaultName))/keys/\(HTML.segment(key.name))",
                            notice: "The key '\(key.name)' was created.")
        } catch {
            return try keyForm(vaultName, values: form, error: Self.errorText(error))
        }
    }

    func keyPage(vault vaultName: String, key keyName: String, notice: String?) throws -> HTTPResponse {
        let (vault, key) = try perform { session -> (KeyVault, VaultKey) in
            let vault = try requireVault(vaultName, in: session)
            return (vault, try session.showKey(vaultName: vault.name, name: keyName, version: nil).0)
        }
        let base = "/portal/vaults/\(HTML.segment(vault.name))/keys/\(HTML.segment(key.name))"
        let current = key.current.version
        let rows = key.versions.reversed().map { version -> HTML in
            """
            <tr><td><a href="\(base)/\(HTML.segment(version.version))">\(version.version)</a>\
            \(version.version == current ? HTML(" <strong>(current version)</strong>") : "")</td>\
            <td>\(version.enabled ? "Enabled" : "Disabled")</td><td>\(Timestamp.azString(version.created))</td>\
            <td>\(version.expires.map(Timestamp.azString) ?? "")</td></tr>
            """
        }
        return vaultBlade(vault, title: key.name, notice: notice,
                          crumbs: [("Keys", "/portal/vaults/\(HTML.segment(vault.name))/keys"), (key.name, base)], """
            <h2>Versions</h2><table><thead><tr><th scope="col">Version</th><th scope="col">Status</th>\
            <th scope="col">Activation date</th><th scope="col">Expiration date</th></tr></thead><tbody>\(rows)</tbody></table>
            """)
    }

    func keyVersionPage(vault vaultName: String, key keyName: String, version: String) throws -> HTTPResponse {
        let (vault, key, found) = try perform { session -> (KeyVault, VaultKey, KeyVersion) in
            let vault = try requireVault(vaultName, in: session)
            let (key, found) = try session.showKey(vaultName: vault.name, name: keyName, version: version)
            return (vault, key, found)
        }
        let identifier = found.identifier(vaultName: vault.name, keyName: key.name)
        let keysPath = "/portal/vaults/\(HTML.segment(vault.name))/keys"
        let operations = ConsoleEndpoint.keyOperationLabels.filter { found.keyOps.contains($0.value) }.map(\.label)
        return vaultBlade(vault, title: found.version, crumbs: [
            ("Keys", keysPath), (key.name, keysPath + "/" + HTML.segment(key.name)),
            (found.version, keysPath + "/" + HTML.segment(key.name) + "/" + HTML.segment(found.version)),
        ], """
            <div class="panel"><dl class="props"><dt>Key type</dt><dd>\(found.keyType.rawValue)</dd>
            <dt>RSA key size</dt><dd>\(found.keySize.map(String.init) ?? "")</dd>
            <dt>Created</dt><dd>\(Timestamp.azString(found.created))</dd>
            <dt>Enabled</dt><dd>\(found.enabled ? "Yes" : "No")</dd>
            <dt>Permitted operations</dt><dd>\(operations.joined(separator: ", "))</dd></dl>
            <div class="field"><label for="key-identifier">Key identifier</label><div class="copy">
            <input type="text" id="key-identifier" readonly value="\(identifier)">
            <button type="button" data-copy="key-identifier" aria-label="Copy the key identifier">Copy</button>
            </div></div></div>
            """)
    }

    static let keyOperationLabels: [(value: String, label: String)] = [
        ("encrypt", "Encrypt"), ("decrypt", "Decrypt"), ("sign", "Sign"), ("verify", "Verify"),
        ("wrapKey", "Wrap Key"), ("unwrapKey", "Unwrap Key"),
    ]
}
