import CMKCore
import Foundation

/// Key vaults: + Create (Basics with Purge protection; Access configuration), the vault's Access policies
/// (+ Add Access Policy, Add, Save) and Keys (+ Generate/Import, Create; the version's Key identifier).
extension ConsoleEndpoint {
    /// The portal's key permissions, by group, with the values `az keyvault set-policy --key-permissions` takes.
    static let keyPermissions: [(group: String, permissions: [(value: String, label: String)])] = [
        ("Key Management Operations", [("get", "Get"), ("list", "List"), ("update", "Update"), ("create", "Create"),
                                       ("import", "Import"), ("delete", "Delete"), ("recover", "Recover"),
                                       ("backup", "Backup"), ("restore", "Restore")]),
        ("Cryptographic Operations", [("decrypt", "Decrypt"), ("encrypt", "Encrypt"), ("unwrapKey", "Unwrap Key"),
                                      ("wrapKey", "Wrap Key"), ("verify", "Verify"), ("sign", "Sign")]),
        ("Privileged Key Operations", [("purge", "Purge"), ("release", "Release")]),
        ("Rotation Policy Operations", [("rotate", "Rotate"), ("getrotationpolicy", "Get Rotation Policy"),
                                        ("setrotationpolicy", "Set Rotation Policy")]),
    ]

    func vaultsPage(notice: String?) throws -> HTTPResponse {
        let vaults = try perform { $0.liveVaults.sorted { $0.name < $1.name } }
        let rows = vaults.map { vault -> HTML in
            """
            <tr><td><a href="/portal/vaults/\(HTML.segment(vault.name))">\(vault.name)</a></td><td>\(vault.resourceGroup)</td>\
            <td>\(vault.location)</td><td>\(vault.enableRbacAuthorization ? "Azure role-based access control" : "Vault access policy")</td>\
            <td>\(vault.purgeProtected ? "Enabled" : "Disabled")</td></tr>
            """
        }
        return page("Key vaults", crumbs: [("Key vaults", "/portal/vaults")], notice: notice, """
            <div class="toolbar">\(Control.link("+ Create", to: "/portal/vaults/create", button: true))</div>
            <table><thead><tr><th scope="col">Name</th><th scope="col">Resource group</th><th scope="col">Location</th>\
            <th scope="col">Permission model</th><th scope="col">Purge protection</th></tr></thead><tbody>\(rows)</tbody></table>
            \(vaults.isEmpty ? HTML("<p>No key vaults yet.</p>") : "")
            """)
    }

    func vaultForm(values: FormFields?, error: String?) throws -> HTTPResponse {
        let basics = try perform { basicsFields($0, values: values) }
        return page("Create a key vault", crumbs: [("Key vaults", "/portal/vaults"), ("Create", "/portal/vaults/create")],
                    error: error, """
            <form method="post" action="/portal/vaults/review" class="panel">\(csrfField)
            <div class="tabs" role="tablist"><a class="on" href="#basics" role="tab">Basics</a>\
            <a href="#access" role="tab">Access configuration</a></div>
            <h2 id="basics">Project details</h2>\(basics)
            <h2>Instance details</h2>
            \(Control.text("name", label: "Key vault name", value: values?.value("name") ?? "", required: true,
                           hint: "3-24 letters, digits and hyphens, globally unique."))
            \(Control.select("sku", label: "Pricing tier", options: [("standard", "Standard"), ("premium", "Premium")],
                             selected: values?.value("sku") ?? "standard"))
            <h2>Recovery options</h2>
            \(Control.text("retention", label: "Days to retain deleted vaults", value: values?.value("retention") ?? "90"))
            \(Control.radios("purgeProtection", legend: "Purge protection", options: [
                ("disable", "Disable purge protection (allow key vault and objects to be purged during retention period)"),
                ("enable", "Enable purge protection (enforce a mandatory retention period for deleted vaults and vault objects)"),
            ], selected: values?.value("purgeProtection") ?? "disable"))
            <h2 id="access">Access configuration</h2>
            \(Control.radios("permissionModel", legend: "Permission model", options: [
                ("rbac", "Azure role-based access control (recommended)"), ("policy", "Vault access policy"),
            ], selected: values?.value("permissionModel") ?? "rbac"))
            <div class="actions">\(Control.submit("Review + create"))</div></form>
            """)
    }

    func vaultReview(_ form: FormFields) throws -> HTTPResponse {
        let group = (form.value("newResourceGroup").flatMap { $0.isEmpty ? nil : $0 }) ?? form.value("resourceGroup") ?? ""
        return page("Create a key vault", crumbs: [("Key vaults", "/portal/vaults")], """
            <form method="post" action="/portal/vaults/create" class="panel">\(csrfField)\(carry(form))
            <h2>Review + create</h2><dl class="props"><dt>Resource group</dt><dd>\(group)</dd>
            <dt>Key vault name</dt><dd>\(form.value("name") ?? "")</dd><dt>Region</dt><dd>\(form.value("region") ?? "")</dd>
            <dt>Pricing tier</dt><dd>\(form.value("sku") ?? "")</dd>
            <dt>Purge protection</dt><dd>\(form.value("purgeProtection") == "enable" ? "Enabled" : "Disabled")</dd>
            <dt>Permission model</dt><dd>\(form.value("permissionModel") == "policy" ? "Vault access policy" : "Azure role-based access control")</dd>
            </dl><div class="actions">\(Control.submit("Create"))\(Control.link("Previous", to: "/portal/vaults/create"))</div>
            </form>
            """)
    }

    func createVault(_ form: FormFields) throws -> HTTPResponse {
        do {
            let vault = try perform { session in
                var request = VaultCreateRequest(name: form.value("name") ?? "",
                                                 resourceGroup: try resourceGroup(from: form, in: session))
                request.location = form.value("region")
                request.sku = form.value("sku") ?? "standard"
                if let days = form.value("retention"), !days.isEmpty {
                    guard let value = Int(days) else {
                        throw CMKError.badRequest(.badParameter, "Days to retain deleted vaults must be a number "
                                                      + "from 7 to 90, not '\(days)'.")
                    }
                    request.retentionDays = value
                }
                request.enablePurgeProtection = form.value("purgeProtection") == "enable" ? true : nil
                request.enableRbacAuthorization = form.value("permissionModel") != "policy"
                return try session.createVault(request)
            }
            return redirect("/portal/vaults/\(HTML.segment(vault.name))",
                            notice: "Deployment succeeded: key vault '\(vault.name)' was created.")
        } catch {
            return try vaultForm(values: form, error: Self.errorText(error))
        }
    }

    /// A vault's blade: the Settings menu on the left.
    func vaultBlade(_ vault: KeyVault, title: String, notice: String? = nil, error: String? = nil,
                    crumbs extra: [(String, String)] = [], _ content: HTML) -> HTTPResponse {
        let base = "/portal/vaults/\(HTML.segment(vault.name))"
        return page(title, crumbs: [("Key vaults", "/portal/vaults"), (vault.name, base)] + extra, notice: notice,
                    error: error, """
            <div class="layout"><nav class="blade" aria-label="Key vault menu"><ul>
            <li><a href="\(base)">Overview</a></li><li class="group">Settings</li>
            <li><a href="\(base)/access-policies">Access policies</a></li><li><a href="\(base)/keys">Keys</a></li>
            </ul></nav><div class="content">\(content)</div></div>
            """)
    }

    func requireVault(_ name: String, in session: Session) throws -> KeyVault {
        guard let vault = session.liveVaults.first(where: { $0.resourceName == ResourceName(name) }) else {
            throw CMKError(.notFound, code: .resourceNotFound, "The vault '\(name)' was not found.")
        }
        return vault
    }

    func vaultPage(_ name: String, notice: String?) throws -> HTTPResponse {
        let (vault, uri) = try perform { session -> (KeyVault, String) in
            let vault = try requireVault(name, in: session)
            return (vault, "https://\(vault.name).vault.azure.net/")
        }
        return vaultBlade(vault, title: vault.name, notice: notice, """
            <div class="panel"><dl class="props"><dt>Resource group</dt><dd>\(vault.resourceGroup)</dd>
            <dt>Location</dt><dd>\(vault.location)</dd><dt>Vault URI</dt><dd class="mono">\(uri)</dd>
            <dt>Pricing tier</dt><dd>\(vault.sku)</dd>
            <dt>Soft-delete</dt><dd>Enabled (\(vault.softDeleteRetentionInDays) days)</dd>
            <dt>Purge protection</dt><dd>\(vault.purgeProtected ? "Enabled" : "Disabled")</dd>
            <dt>Permission model</dt><dd>\(vault.enableRbacAuthorization ? "Azure role-based access control" : "Vault access policy")</dd>
            </dl></div>
            """)
    }

    // MARK: Access policies

    func principalName(_ objectId: String, in session: Session) -> String {
        if objectId.lowercased() == session.world.account.operatorObjectId.lowercased() {
            return "\(session.world.account.operatorName) (signed-in user)"
        }
        return session.world.identities.first { $0.principalId.lowercased() == objectId.lowercased() }?.name ?? objectId
    }

    func accessPoliciesPage(_ name: String, notice: String?, error: String?) throws -> HTTPResponse {
        let (vault, rows) = try perform { session -> (KeyVault, [HTML]) in
            let vault = try requireVault(name, in: session)
            return (vault, vault.accessPolicies.map { policy -> HTML in
                "<tr><td>\(principalName(policy.objectId, in: session))</td><td>\(policy.keys.joined(separator: ", "))</td><td>Saved</td></tr>"
            })
        }
        let pending = pending(name).map { policy -> HTML in
            "<tr><td>\(policy.principalName)</td><td>\(policy.keyPermissions.joined(separator: ", "))</td><td><strong>Not saved</strong></td></tr>"
        }
        let base = "/portal/vaults/\(HTML.segment(vault.name))/access-policies"
        let rbacNote: HTML = vault.enableRbacAuthorization ? """
            <p class="hint">This vault uses Azure role-based access control: access policies do not apply, and saving
            one is refused with the same message as <code>az keyvault set-policy</code>.</p>
            """ : ""
        return vaultBlade(vault, title: "\(vault.name) | Access policies", notice: notice, error: error,
                          crumbs: [("Access policies", base)], """
            \(rbacNote)<div class="toolbar">\(Control.link("+ Add Access Policy", to: base + "/add", button: true))</div>
            <table><thead><tr><th scope="col">Application / principal</th><th scope="col">Key permissions</th>\
            <th scope="col">State</th></tr></thead><tbody>\(rows)\(pending)</tbody></table>
            \(pending.isEmpty ? "" : HTML("""
                <div class="actions"><form method="post" action="\(base)/save">\(csrfField)\(Control.submit("Save"))</form>
                <form method="post" action="\(base)/discard">\(csrfField)\(Control.submit("Discard", primary: false))</form></div>
                """))
            """)
    }

    func addAccessPolicyForm(_ name: String, error: String?) throws -> HTTPResponse {
        let (vault, principals) = try perform { session -> (KeyVault, [(value: String, label: String)]) in
            let vault = try requireVault(name, in: session)
            let identities = session.world.identities.sorted { $0.name < $1.name }
                .map { (value: $0.principalId, label: "\($0.name) (managed identity)") }
            return (vault, [("", "Select principal")] + identities
                        + [(session.world.account.operatorObjectId, "\(session.world.account.operatorName) (signed-in user)")])
        }
        let groups = Self.keyPermissions.map { group in
            Control.checkboxes("keyPermissions", legend: group.group, options: group.permissions, checked: [])
        }
        let base = "/portal/vaults/\(HTML.segment(vault.name))/access-policies"
        return vaultBlade(vault, title: "Add access policy", error: error,
                          crumbs: [("Access policies", base), ("Add access policy", base + "/add")], """
            <form method="post" action="\(base)/add" class="panel">\(csrfField)
            <h2>Key permissions</h2>\(groups)
            \(Control.select("principal", label: "Select principal", options: principals, required: true))
            <div class="actions">\(Control.submit("Add"))\(Control.link("Cancel", to: base))</div></form>
            """)
    }

    func addAccessPolicy(_ name: String, _ form: FormFields) throws -> HTTPResponse {
        let principal = form.value("principal") ?? ""
        let permissions = form.values("keyPermissions")
        guard !principal.isEmpty else {
            return try addAccessPolicyForm(name, error: "Select principal: choose the identity the policy is for.")
        }
        guard !permissions.isEmpty else {
            return try addAccessPolicyForm(name, error: "Select at least one key permission (Get, Unwrap Key and "
                                               + "Wrap Key for a registry's identity).")
        }
        let label = try perform { principalName(principal, in: $0) }
        addPending(PendingPolicy(objectId: principal, principalName: label, keyPermissions: permissions), vault: name)
        return redirect("/portal/vaults/\(HTML.segment(name))/access-policies")
    }

    func saveAccessPolicies(_ name: String) throws -> HTTPResponse {
        let policies = pending(name)
        do {
            try perform { session in
                for policy in policies {
                    try session.setPolicy(vaultName: name, resourceGroup: nil, objectId: policy.objectId,
                                          applicationId: nil, keys: policy.keyPermissions, secrets: nil,
                                          certificates: nil, storage: nil)
                }
            }
        } catch {
            return try accessPoliciesPage(name, notice: nil, error: Self.errorText(error))
        }
        discardPendingPolicies(name)
        return redirect("/portal/vaults/\(HTML.segment(name))/access-policies",
                        notice: "Successfully updated access policies of '\(name)'.")
    }
}
