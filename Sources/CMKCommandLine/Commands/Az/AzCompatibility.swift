import CMKCore
import Foundation

/// The az 2.91 flags of the implemented commands that acrcmk does not simulate, accepted so that a runbook runs:
/// each is declared on its command (so help, completion and the man page show it) and, when given, either prints a
/// one-line note and runs the command (`--no-wait` runs synchronously), or refuses with what to do instead (a
/// Managed HSM, a virtual network, a release policy). `--subscription` and `--ids` are honoured.
enum AzCompatibility {
    enum Effect: Sendable {
        /// Run the command; say in one line why the flag changes nothing.
        case note(String)
        /// Refuse the command, saying what acrcmk does not simulate and what to do instead.
        case refuse(String)
        /// `--subscription`: must name the simulated subscription (its id or name).
        case subscription
        /// `--ids` / `--id`: rewritten to the name arguments before parsing (``rewrite(_:root:)``).
        case resourceId
    }

    struct Flag: Sendable {
        var spec: OptionSpec
        var effect: Effect
    }

    static func flag(_ name: String, _ arity: OptionSpec.Arity = .threeState, _ effect: Effect,
                     help: String? = nil) -> Flag {
        let text: String
        switch effect {
        case .note(let note): text = help ?? "Accepted; \(note)"
        case .refuse(let reason): text = help ?? "Not simulated: \(reason)"
        case .subscription, .resourceId: text = help ?? ""
        }
        return Flag(spec: OptionSpec(name, arity: arity, valueName: name.split(separator: "-").last.map(String.init),
                                     help: text), effect: effect)
    }

    // MARK: - Flags every az command, or many, share

    static let subscription = flag(
        "subscription", .single, .subscription,
        help: "Name or ID of subscription: acrcmk simulates one per state home (az account show).")
    static let acquirePolicyToken = flag(
        "acquire-policy-token", .threeState,
        .note("Azure Policy tokens are not needed by the simulated control plane; the operation ran without one."))
    static let changeReference = flag(
        "change-reference", .single, .note("change references are not recorded by the simulation."))
    static let noWait = flag(
        "no-wait", .threeState, .note("acrcmk finished the operation before returning (it always runs synchronously)."))
    static let hsmName = flag(
        "hsm-name", .single,
        .refuse("Managed HSM is not simulated by acrcmk; name a Key Vault (--name or --vault-name) instead."))
    static let ids = flag(
        "ids", .multiple, .resourceId,
        help: "One resource ID, in place of --name and --resource-group (acrcmk takes one per command).")
    static let keyID = flag(
        "id", .single, .resourceId,
        help: "Id of the key or vault (https://<vault>.vault.azure.net/keys/<name>), in place of --vault-name and "
            + "--name.")
    static let registryCredentials = [
        flag("username", .single, .note("registry authentication is not simulated; acrcmk acts as the signed-in "
                                        + "operator."), help: "Accepted; acrcmk acts as the signed-in operator."),
        flag("password", .single, .note("registry authentication is not simulated; acrcmk acts as the signed-in "
                                        + "operator."), help: "Accepted; acrcmk acts as the signed-in operator."),
        flag("suffix", .single, .note("tenant suffixes of login servers are not simulated.")),
    ]

    static func notSimulated(_ what: String) -> Effect {
        .note("\(what) is not simulated by acrcmk; the flag changes nothing.")
    }

    /// The flags each command gets, by path under `az`.
    static let table: [String: [Flag]] = {
        let vaultOnly = notSimulated("secret retrieval by VMs, disk encryption and ARM templates")
        let acrSettings = [
            flag("allow-exports", .threeState, notSimulated("the export policy")),
            flag("allow-metadata-search", .threeState, notSimulated("metadata search")),
            flag("allow-trusted-services", .threeState, notSimulated("the registry's network bypass")),
            flag("data-endpoint-enabled", .threeState, notSimulated("the dedicated data endpoint")),
            flag("endpoint-protocol", .single, notSimulated("the endpoint protocol")),
            flag("regional-endpoints", .single, notSimulated("regional endpoints")),
            flag("role-assignment-mode", .single, notSimulated("ABAC role assignment mode")),
            flag("writable-cache-repos", .single, notSimulated("cache rules")),
        ]
        let releasePolicy = Effect.refuse("key release policies (secure key release) are not simulated by acrcmk.")
        return [
            "account show": [flag("name", .single, .subscription,
                                  help: "Name or ID of subscription: the simulated one of this state home.")],
            "account list-locations": [flag("include-extended-locations", .threeState,
                                            .note("extended locations are not simulated."))],
            "group create": [flag("managed-by", .single, .note("the managing resource is not recorded."))],
            "group delete": [flag("force-deletion-types", .single,
                                  .note("every resource is deleted without force in the simulation."))],
            "group list": [flag("tag", .single, .refuse(
                "filtering by tag is not simulated: use --query \"[?tags.key=='value']\"."))],
            "identity create": [flag("isolation-scope", .single, notSimulated("regional isolation")),
                                flag("resource-restriction", .single, notSimulated("resource restriction"))],
            "identity show": [ids],
            "identity delete": [ids],
            "identity list": [flag("max-items", .single, .refuse("paging is not simulated: use --query '[:N]'.")),
                              flag("next-token", .single, .refuse("paging is not simulated: every item is listed."))],
            "keyvault create": [
                flag("administrators", .multiple, .refuse("Managed HSM is not simulated by acrcmk.")),
                flag("mi-user-assigned", .multiple, .refuse("Managed HSM is not simulated by acrcmk.")),
                flag("enabled-for-deployment", .threeState, vaultOnly),
                flag("enabled-for-disk-encryption", .threeState, vaultOnly),
                flag("enabled-for-template-deployment", .threeState, vaultOnly),
                flag("network-acls", .single, .refuse(
                    "give IP rules after creation: az keyvault network-rule add --name <vault> --ip-address <ip>.")),
                flag("network-acls-ips", .multiple, .refuse(
                    "give IP rules after creation: az keyvault network-rule add --name <vault> --ip-address <ip>.")),
                flag("network-acls-vnets", .multiple, .refuse("virtual networks are not simulated by acrcmk.")),
                hsmName,
            ],
            "keyvault update": [
                flag("enabled-for-deployment", .threeState, vaultOnly),
                flag("enabled-for-disk-encryption", .threeState, vaultOnly),
                flag("enabled-for-template-deployment", .threeState, vaultOnly), noWait,
            ],
            "keyvault show": [hsmName],
            "keyvault delete": [hsmName, noWait],
            "keyvault purge": [hsmName, noWait],
            "keyvault recover": [hsmName, noWait],
            "keyvault set-policy": [noWait],
            "keyvault delete-policy": [noWait],
            "keyvault network-rule add": [hsmName],
            "keyvault network-rule remove": [hsmName],
            "keyvault network-rule list": [hsmName],
            "keyvault key create": [
                hsmName, keyID,
                flag("default-cvm-policy", .threeState, releasePolicy),
                flag("default-data-disk-policy", .threeState, releasePolicy),
                flag("exportable", .threeState, releasePolicy),
                flag("immutable", .threeState, releasePolicy),
                flag("policy", .single, releasePolicy),
                flag("external-key-id", .single, .refuse("external (EKM) keys are a Managed HSM feature, not simulated.")),
            ],
            "keyvault key import": [
                hsmName, keyID,
                flag("byok-file", .single, .refuse("BYOK (HSM-protected key transfer) is not simulated: import a PEM "
                                                   + "with --pem-file.")),
                flag("byok-string", .single, .refuse("BYOK (HSM-protected key transfer) is not simulated: import a "
                                                     + "PEM with --pem-file.")),
                flag("pem-string", .single, .refuse("give the PEM as a file: --pem-file key.pem.")),
                flag("pem-password", .single, .refuse(
                    "encrypted PEM files are not read: decrypt it first (openssl pkey -in key.pem -out plain.pem).")),
                flag("kty", .single, .note("the key type comes from the PEM (RSA).")),
                flag("curve", .single, .refuse("EC keys cannot be imported (and cannot encrypt a registry).")),
                flag("expires", .single, .refuse(
                    "set it after import: az keyvault key set-attributes --vault-name <v> --name <k> --expires <time>.")),
                flag("not-before", .single, .refuse(
                    "set it after import: az keyvault key set-attributes --vault-name <v> --name <k> --not-before "
                        + "<time>.")),
                flag("default-cvm-policy", .threeState, releasePolicy),
                flag("default-data-disk-policy", .threeState, releasePolicy),
                flag("exportable", .threeState, releasePolicy),
                flag("immutable", .threeState, releasePolicy),
                flag("policy", .single, releasePolicy),
            ],
            "keyvault key show": [hsmName],
            "keyvault key list": [hsmName, keyID],
            "keyvault key list-versions": [hsmName],
            "keyvault key list-deleted": [hsmName, keyID],
            "keyvault key set-attributes": [hsmName, flag("immutable", .threeState, releasePolicy),
                                            flag("policy", .single, releasePolicy)],
            "keyvault key rotate": [hsmName],
            "keyvault key delete": [hsmName],
            "keyvault key recover": [hsmName],
            "keyvault key purge": [hsmName],
            "keyvault key show-deleted": [hsmName],
            "keyvault key encrypt": [hsmName,
                                     flag("aad", .single, .refuse("AES-GCM (oct keys) is a Managed HSM feature.")),
                                     flag("iv", .single, .refuse("AES (oct keys) is a Managed HSM feature."))],
            "keyvault key decrypt": [hsmName,
                                     flag("aad", .single, .refuse("AES-GCM (oct keys) is a Managed HSM feature.")),
                                     flag("iv", .single, .refuse("AES (oct keys) is a Managed HSM feature.")),
                                     flag("tag", .single, .refuse("AES-GCM (oct keys) is a Managed HSM feature."))],
            "keyvault key rotation-policy show": [hsmName],
            "keyvault key rotation-policy update": [hsmName],
            "role assignment create": [
                flag("name", .single, .note("assignment names are generated by acrcmk (a new GUID)."),
                     help: "Accepted; acrcmk generates the assignment's GUID name."),
                flag("condition-version", .single, .note("conditions are stored but not evaluated.")),
            ],
            "role assignment list": [
                flag("fill-principal-name", .threeState, .note("acrcmk always fills principal names.")),
                flag("fill-role-definition-name", .threeState, .note("acrcmk always fills role definition names.")),
                flag("include-groups", .threeState, .note("groups are not simulated.")),
            ],
            "role assignment delete": [flag("include-inherited", .threeState,
                                            .note("assignments at broader scopes are matched by --scope as given."))],
            "acr create": acrSettings + [
                flag("dnl-scope", .single, notSimulated("the domain name label scope")),
                flag("workspace", .single, notSimulated("sending registry logs to a workspace")),
            ],
            "acr update": acrSettings + [flag("anonymous-pull-enabled", .threeState, notSimulated("anonymous pull"))],
            "acr config content-trust update": [flag("yes", .threeState, .note("acrcmk does not prompt here."))],
            "acr replication create": [flag("global-endpoint-routing", .threeState,
                                            notSimulated("global endpoint routing"))],
            "acr repository list": registryCredentials,
            "acr repository show-tags": registryCredentials,
            "acr repository show-manifests": registryCredentials,
            "acr repository delete": registryCredentials + [flag("image", .single, .refuse(
                "deleting one image is not simulated: delete the repository (--repository), or re-push the tags "
                    + "you keep."))],
            "acr manifest list-metadata": registryCredentials,
            "monitor diagnostic-settings create": [
                flag("export-to-resource-specific", .threeState, notSimulated("resource-specific tables")),
                flag("marketplace-partner-id", .single, notSimulated("marketplace destinations")),
                flag("resource-parent", .single, .note("--resource takes the full resource id in acrcmk.")),
            ],
            "monitor diagnostic-settings list": [flag("resource-parent", .single,
                                                      .note("--resource takes the full resource id in acrcmk."))],
            "monitor diagnostic-settings show": [flag("resource-parent", .single,
                                                      .note("--resource takes the full resource id in acrcmk."))],
            "monitor diagnostic-settings delete": [flag("resource-parent", .single,
                                                        .note("--resource takes the full resource id in acrcmk."))],
            "deployment group create": [
                flag("no-prompt", .threeState, .note("acrcmk never prompts for parameters.")),
                flag("rollback-on-error", .single, .refuse("rollback to an earlier deployment is not simulated.")),
                flag("what-if", .threeState, .refuse("what-if previews are not simulated: deploy to a scratch "
                                                     + "state home (--home) to see the result.")),
                flag("confirm-with-what-if", .threeState, .refuse("what-if previews are not simulated.")),
                flag("proceed-if-no-change", .threeState, .refuse("what-if previews are not simulated.")),
                flag("what-if-exclude-change-types", .multiple, .refuse("what-if previews are not simulated.")),
                flag("what-if-result-format", .single, .refuse("what-if previews are not simulated.")),
                flag("template-uri", .single, .refuse("acrcmk reads no network: download the template and give "
                                                      + "--template-file.")),
                flag("query-string", .single, .refuse("acrcmk reads no network: give --template-file.")),
                flag("template-spec", .single, .refuse("template specs are not simulated: give --template-file.")),
                flag("aux-subs", .multiple, .note("acrcmk simulates one subscription.")),
                flag("aux-tenants", .multiple, .note("acrcmk simulates one tenant.")),
                flag("handle-extended-json-format", .threeState, .note("templates are always read in full.")),
                flag("validation-level", .single, .note("templates are always validated in full.")),
            ],
            "deployment group list": [flag("filter", .single, .refuse(
                "OData filters are not simulated: use --query \"[?properties.provisioningState=='Succeeded']\"."))],
        ]
    }()

    /// The commands az 2.91 gives its global policy arguments (`--acquire-policy-token`, `--change-reference`):
    /// the ones that write.
    static let writeVerbs: Set<String> = [
        "create", "update", "delete", "purge", "recover", "set-policy", "delete-policy", "import", "set-attributes",
        "rotate", "rotate-key", "assign", "remove", "add", "show-tags", "show-manifests", "list-metadata",
        "list-deleted", "list-versions", "show-deleted", "check-health", "list-locations", "encrypt", "decrypt",
    ]

    // MARK: - Declaring and wrapping

    /// The `az` subtree with the flags above declared on their commands and their effects wrapped around handlers.
    static func extend(_ spec: CommandSpec, path: [String] = []) -> CommandSpec {
        var spec = spec
        spec.subcommands = spec.subcommands.map { extend($0, path: path + [$0.name]) }
        guard let inner = spec.handler, !path.isEmpty, path != ["version"] else { return spec }
        var flags = table[path.joined(separator: " ")] ?? []
        if writeVerbs.contains(path.last!), path.first != "account" || path.last == "list-locations" {
            flags += [acquirePolicyToken, changeReference]
        }
        flags.append(subscription)
        let declared = Set(spec.options.map(\.name))
        flags = flags.filter { !declared.contains($0.spec.name) }
        spec.options += flags.map(\.spec)
        let added = flags
        spec.handler = { context in
            for flag in added where context.arguments.has(flag.spec.name) {
                switch flag.effect {
                case .note(let note):
                    context.warn("--\(flag.spec.name): \(note)")
                case .refuse(let reason):
                    throw CommandFailure("--\(flag.spec.name) is not supported by acrcmk: \(reason)")
                case .subscription:
                    try checkSubscription(context.arguments.string(flag.spec.name) ?? "", context: context)
                case .resourceId:
                    break
                }
            }
            return try inner(context)
        }
        return spec
    }

    /// Refuses a subscription other than the simulated one, in az's words.
    static func checkSubscription(_ given: String, context: CommandContext) throws {
        let account = try context.perform { $0.world.account }
        guard given.lowercased() == account.subscriptionId.lowercased()
                || given.lowercased() == account.subscriptionName.lowercased() else {
            throw CommandFailure(
                "The subscription of '\(given)' doesn't exist in cloud 'AzureCloud'.",
                hint: "acrcmk simulates one subscription per state home: '\(account.subscriptionName)' "
                    + "(\(account.subscriptionId)); az account show prints it.")
        }
    }

    // MARK: - --ids and --id, before parsing

    /// Rewrites `--ids <resource-id>` into `--name`, `--resource-group` and `--subscription` (and a key's `--id`
    /// into `--vault-name`, `--name`, `--version`) for the commands that declare those, so a runbook's id works.
    ///
    /// - Throws: `CommandFailure` (usage) for an id that is not a resource id of that kind, or several ids.
    static func rewrite(_ arguments: [String], root: CommandSpec) throws -> [String] {
        guard isAz(arguments) else { return arguments }
        // A Managed HSM name stands in for the required vault name, so it is refused before parsing asks for that.
        if arguments.contains("--hsm-name"), case .refuse(let reason) = hsmName.effect {
            throw CommandFailure("--hsm-name is not supported by acrcmk: \(reason)")
        }
        guard arguments.contains("--ids") || arguments.contains("--id") else { return arguments }
        var command = root
        for word in arguments.drop(while: { $0 != "az" }) where !word.hasPrefix("-") {
            guard let next = command.subcommand(named: word) else { break }
            command = next
        }
        let names = Set(command.options.map(\.name))
        // Commands whose own declaration reads --id (key show, ...) keep it; the others get it rewritten.
        let nativeID = command.options.first { $0.name == "id" && $0.help != keyID.spec.help }
        var result: [String] = []
        var index = 0
        while index < arguments.count {
            let token = arguments[index]
            index += 1
            var values: [String] = []
            while (token == "--ids" || token == "--id"), index < arguments.count, !arguments[index].hasPrefix("-") {
                values.append(arguments[index])
                index += 1
                if token == "--id" { break }
            }
            if token == "--ids", names.contains("resource-group"), names.contains("name") {
                guard values.count == 1 else {
                    throw CommandFailure("acrcmk takes one resource id per --ids (\(values.count) given).",
                                         category: .usage)
                }
                let parts = values[0].split(separator: "/").map(String.init)
                guard parts.count >= 8, parts[0].lowercased() == "subscriptions",
                      parts[2].lowercased() == "resourcegroups", parts[4].lowercased() == "providers" else {
                    throw CommandFailure("'\(values[0])' is not a resource id (/subscriptions/<id>/resourceGroups/"
                                         + "<group>/providers/<namespace>/<type>/<name>).", category: .usage)
                }
                result += ["--name", parts[parts.count - 1], "--resource-group", parts[3], "--subscription", parts[1]]
            } else if token == "--id", nativeID == nil, names.contains("vault-name"), values.count == 1 {
                if let key = KeyIdentifier.parse(values[0]) {
                    result += ["--vault-name", key.vaultName]
                    if names.contains("name") { result += ["--name", key.keyName] }
                    if let version = key.version, names.contains("version") { result += ["--version", version] }
                } else if let vault = vaultName(ofURI: values[0]) {
                    result += ["--vault-name", vault]
                } else {
                    throw CommandFailure("'\(values[0])' is not a Key Vault key or vault URL "
                                         + "(https://<vault>.vault.azure.net/keys/<name>).", category: .usage)
                }
            } else {
                result.append(token)
                result += values
            }
        }
        return result
    }

    /// Whether the first command word, after any global options (`--home DIR az ...`), is `az`.
    static func isAz(_ arguments: [String]) -> Bool {
        var index = 0
        while index < arguments.count, arguments[index].hasPrefix("-") {
            let name = String(arguments[index].split(separator: "=", maxSplits: 1)[0])
            let takesValue = GlobalOptions.specs.contains { option in
                option.arity == .single && ("--\(option.name)" == name || option.short.map { "-\($0)" } == name)
            }
            index += takesValue && !arguments[index].contains("=") ? 2 : 1
        }
        return index < arguments.count && arguments[index] == "az"
    }

    private static func vaultName(ofURI text: String) -> String? {
        guard let url = URL(string: text), url.scheme == "https", let host = url.host,
              host.hasSuffix(".vault.azure.net"), url.path.isEmpty || url.path == "/" else { return nil }
        return String(host.dropLast(".vault.azure.net".count))
    }
}
