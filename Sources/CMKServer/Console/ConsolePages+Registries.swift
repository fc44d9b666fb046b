import CMKCore
import Foundation

/// Container registries: + Create (Basics with SKU; Encryption tab: Customer-managed key, Identity, Encryption key by
/// Select from Key Vault or Enter key URI), Review + create, Create; the registry's Settings > Encryption blade.
extension ConsoleEndpoint {
    func registriesPage(notice: String?) throws -> HTTPResponse {
        let registries = try perform { $0.world.registries.sorted { $0.name < $1.name } }
        let rows = registries.map { registry -> HTML in
            """
            <tr><td><a href="/portal/registries/\(HTML.segment(registry.name))">\(registry.name)</a></td>\
            <td>\(registry.resourceGroup)</td><td>\(registry.location)</td><td>\(registry.sku.rawValue)</td>\
            <td>\(registry.isCMK ? "Customer-managed key" : "Microsoft-managed key")</td></tr>
            """
        }
        return page("Container registries", crumbs: [("Container registries", "/portal/registries")], notice: notice, """
            <div class="toolbar">\(Control.link("+ Create", to: "/portal/registries/create", button: true))</div>
            <table><thead><tr><th scope="col">Name</th><th scope="col">Resource group</th><th scope="col">Location</th>\
            <th scope="col">SKU</th><th scope="col">Encryption</th></tr></thead><tbody>\(rows)</tbody></table>
            \(registries.isEmpty ? HTML("<p>No container registries yet.</p>") : "")
            """)
    }

    /// Identity and encryption-key controls, shared by Create's Encryption tab and the Encryption blade.
    func encryptionKeyFields(_ session: Session, values: FormFields?) throws -> HTML {
        var keys: [(value: String, label: String)] = [("", "Select a key")]
        for vault in session.liveVaults.sorted(by: { $0.name < $1.name }) {
            for key in try session.listKeys(vaultName: vault.name).sorted(by: { $0.name < $1.name }) {
                keys.append((KeyIdentifier(vaultName: vault.name, keyName: key.name, version: nil).versionless,
                             "Key vault \(vault.name), key \(key.name)"))
            }
        }
        return """
            \(Control.radios("keySource", legend: "Encryption key", options: [
                ("vault", "Select from Key Vault"), ("uri", "Enter key URI"),
            ], selected: values?.value("keySource") ?? "vault"))
            \(Control.select("keySelection", label: "Key vault and key", options: keys, selected: values?.value("keySelection"),
                             hint: "Used with Select from Key Vault."))
            \(Control.radios("rotation", legend: "Key version", options: [
                ("automatic", "Automatically rotate key (versionless key identifier)"),
                ("manual", "Use the current version (versioned key identifier; rotate by hand)"),
            ], selected: values?.value("rotation") ?? "automatic"))
            \(Control.text("keyURI", label: "Key URI", value: values?.value("keyURI") ?? "",
                           hint: "Used with Enter key URI: paste the Key identifier copied from the key's version.",
                           placeholder: "https://<vault>.vault.azure.net/keys/<key>/<version>"))
            """
    }

    /// The key identifier an encryption form chose: the URI as entered, or the selected key, versionless for
    /// automatic rotation or at its current version.
    func chosenKey(_ form: FormFields, in session: Session) throws -> String {
        if form.value("keySource") == "uri" {
            guard let uri = form.value("keyURI")?.trimmingCharacters(in: .whitespaces), !uri.isEmpty else {
                throw CMKError.usage("Enter key URI: paste a key identifier, or choose Select from Key Vault.")
            }
            return uri
        }
        guard let selected = form.value("keySelection"), let key = KeyIdentifier.parse(selected) else {
            throw CMKError.usage("Select a key vault and key, or choose Enter key URI.")
        }
        if form.value("rotation") == "manual" {
            let current = try session.showKey(vaultName: key.vaultName, name: key.keyName, version: nil).1
            return KeyIdentifier(vaultName: key.vaultName, keyName: key.keyName, version: current.version).url
        }
        return key.versionless
    }

    func registryForm(values: FormFields?, error: String?) throws -> HTTPResponse {
        let (basics, encryption, identities) = try perform { session -> (HTML, HTML, [(value: String, label: String)]) in
            (basicsFields(session, values: values, regionLabel: "Location"), try encryptionKeyFields(session, values: values),
             [("", "Select an identity")] + session.world.identities.sorted { $0.name < $1.name }
                .map { (value: $0.id(subscriptionId: session.world.account.subscriptionId), label: $0.name) })
        }
        return page("Create container registry",
                    crumbs: [("Container registries", "/portal/registries"), ("Create", "/portal/registries/create")],
                    error: error, """
            <form method="post" action="/portal/registries/review" class="panel">\(csrfField)
            <div class="tabs" role="tablist"><a class="on" href="#basics" role="tab">Basics</a>\
            <a href="#encryption" role="tab">Encryption</a></div>
            <h2 id="basics">Project details</h2>\(basics)
            <h2>Instance details</h2>
            \(Control.text("name", label: "Registry name", value: values?.value("name") ?? "", required: true,
                           hint: "5-50 lowercase letters and digits; the login server is <name>.azurecr.io."))
            \(Control.select("sku", label: "Pricing plan", options: RegistrySKU.allCases.map { ($0.rawValue, $0.rawValue) },
                             selected: values?.value("sku") ?? "Premium", hint: "Customer-managed keys need Premium."))
            <h2 id="encryption">Encryption</h2>
            \(Control.radios("cmk", legend: "Customer-managed key", options: [("disabled", "Disabled"), ("enabled", "Enabled")],
                             selected: values?.value("cmk") ?? "disabled"))
            \(Control.select("identity", label: "Identity", options: identities, selected: values?.value("identity"),
                             hint: "The user-assigned managed identity that reads the key."))
            \(encryption)
            <div class="actions">\(Control.submit("Review + create"))</div></form>
            """)
    }

    func registryReview(_ form: FormFields) throws -> HTTPResponse {
        let group = (form.value("newResourceGroup").flatMap { $0.isEmpty ? nil : $0 }) ?? form.value("resourceGroup") ?? ""
        let cmk = form.value("cmk") == "enabled"
        let key = form.value("keySource") == "uri" ? form.value("keyURI") ?? "" : form.value("keySelection") ?? ""
        return page("Create container registry", crumbs: [("Container registries", "/portal/registries")], """
            <form method="post" action="/portal/registries/create" class="panel">\(csrfField)\(carry(form))
            <h2>Review + create</h2><dl class="props"><dt>Resource group</dt><dd>\(group)</dd>
            <dt>Registry name</dt><dd>\(form.value("name") ?? "")</dd><dt>Location</dt><dd>\(form.value("region") ?? "")</dd>
            <dt>Pricing plan</dt><dd>\(form.value("sku") ?? "")</dd>
            <dt>Customer-managed key</dt><dd>\(cmk ? "Enabled" : "Disabled")</dd>
            \(cmk ? HTML("<dt>Identity</dt><dd>\(form.value("identity") ?? "")</dd><dt>Encryption key</dt><dd>\(key)</dd>") : "")
            </dl><div class="actions">\(Control.submit("Create"))\(Control.link("Previous", to: "/portal/registries/create"))</div>
            </form>
            """)
    }

    func createRegistry(_ form: FormFields) throws -> HTTPResponse {
        do {
            let registry = try perform { session -> Registry in
                guard let sku = RegistrySKU(rawValue: form.value("sku") ?? "") else {
                    throw CMKError.badRequest(.invalidSku, "Choose a pricing plan: Basic, Standard or Premium.")
                }
                var request = RegistryCreateRequest(name: form.value("name") ?? "",
                                                    resourceGroup: try resourceGroup(from: form, in: session), sku: sku)
                request.location = form.value("region")
                if form.value("cmk") == "enabled" {
                    guard let identity = form.value("identity"), !identity.isEmpty else {
                        throw CMKError.usage("Customer-managed key needs an identity: select the user-assigned "
                                                 + "managed identity that reads the key.")
                    }
                    request.identity = identity
                    request.keyEncryptionKey = try chosenKey(form, in: session)
                }
                return try session.createRegistry(request)
            }
            return redirect("/portal/registries/\(HTML.segment(registry.name))",
                            notice: "Deployment succeeded: container registry '\(registry.name)' was created.")
        } catch {
            return try registryForm(values: form, error: Self.errorText(error))
        }
    }

    func registryBlade(_ registry: Registry, title: String, notice: String? = nil, error: String? = nil,
                       crumbs extra: [(String, String)] = [], _ content: HTML) -> HTTPResponse {
        let base = "/portal/registries/\(HTML.segment(registry.name))"
        return page(title, crumbs: [("Container registries", "/portal/registries"), (registry.name, base)] + extra,
                    notice: notice, error: error, """
            <div class="layout"><nav class="blade" aria-label="Container registry menu"><ul>
            <li><a href="\(base)">Overview</a></li><li class="group">Settings</li>
            <li><a href="\(base)/encryption">Encryption</a></li></ul></nav><div class="content">\(content)</div></div>
            """)
    }

    func registryPage(_ name: String, notice: String?) throws -> HTTPResponse {
        let registry = try perform { try $0.requireRegistry(name) }
        return registryBlade(registry, title: registry.name, notice: notice, """
            <div class="panel"><dl class="props"><dt>Resource group</dt><dd>\(registry.resourceGroup)</dd>
            <dt>Location</dt><dd>\(registry.location)</dd><dt>Login server</dt><dd class="mono">\(registry.loginServer)</dd>
            <dt>SKU</dt><dd>\(registry.sku.rawValue)</dd>
            <dt>Encryption</dt><dd>\(registry.isCMK ? "Customer-managed key" : "Microsoft-managed key")</dd>
            <dt>Replications</dt><dd>\(registry.replications.map(\.location).joined(separator: ", "))</dd></dl></div>
            """)
    }

    func encryptionPage(_ name: String, notice: String?, error: String?) throws -> HTTPResponse {
        let (registry, identityName, fields) = try perform { session -> (Registry, String, HTML) in
            let registry = try session.requireRegistry(name)
            let identity = registry.encryption.map { encryption in
                session.world.identities.first { $0.clientId.lowercased() == encryption.identity.lowercased() }
                    .map { "\($0.name) (client ID \($0.clientId))" } ?? encryption.identity
            } ?? ""
            return (registry, identity, try encryptionKeyFields(session, values: nil))
        }
        let base = "/portal/registries/\(HTML.segment(registry.name))/encryption"
        guard let encryption = registry.encryption else {
            return registryBlade(registry, title: "\(registry.name) | Encryption", notice: notice, error: error,
                                 crumbs: [("Encryption", base)], """
                <div class="panel"><dl class="props"><dt>Encryption status</dt><dd>Disabled</dd></dl>
                <p>This registry is encrypted with a Microsoft-managed key. A customer-managed key can only be set when
                a registry is created.</p></div>
                """)
        }
        let automatic = KeyIdentifier.parse(encryption.keyIdentifier)?.version == nil
        let version = KeyIdentifier.parse(encryption.versionedKeyIdentifier)?.version ?? ""
        return registryBlade(registry, title: "\(registry.name) | Encryption", notice: notice, error: error,
                             crumbs: [("Encryption", base)], """
            <div class="panel"><dl class="props"><dt>Encryption status</dt><dd class="ok">Enabled</dd>
            <dt>Encryption key</dt><dd class="mono">\(encryption.keyIdentifier)</dd>
            <dt>Current key version</dt><dd class="mono">\(version)</dd>
            <dt>Key rotation</dt><dd>\(automatic ? "Automatic (versionless key identifier)" : "Manual (versioned key identifier)")</dd>
            <dt>Identity</dt><dd>\(identityName)</dd>
            <dt>Last key rotation</dt><dd>\(Timestamp.azString(encryption.lastKeyRotationTimestamp))</dd></dl>
            <form method="post" action="\(base)/rotate" class="actions">\(csrfField)\(Control.submit("Rotate key",
                primary: false))<span class="hint">Creates a new version of the key and moves the registry to it.</span></form></div>
            <form method="post" action="\(base)/change" class="panel">\(csrfField)<h2>Change key</h2>\(fields)
            <div class="actions">\(Control.submit("Save"))</div></form>
            """)
    }

    func changeKey(_ name: String, _ form: FormFields) throws -> HTTPResponse {
        do {
            try perform { session in
                let key = try chosenKey(form, in: session)
                _ = try session.rotate(RotationRequest(registry: name, keyIdentifier: key))
            }
            return redirect("/portal/registries/\(HTML.segment(name))/encryption",
                            notice: "The registry's encryption key was changed.")
        } catch {
            return try encryptionPage(name, notice: nil, error: Self.errorText(error))
        }
    }

    func rotateToNewVersion(_ name: String) throws -> HTTPResponse {
        do {
            try perform { session in _ = try session.rotate(RotationRequest(registry: name, newVersion: true)) }
            return redirect("/portal/registries/\(HTML.segment(name))/encryption",
                            notice: "A new key version was created and the registry moved to it.")
        } catch {
            return try encryptionPage(name, notice: nil, error: Self.errorText(error))
        }
    }
}
