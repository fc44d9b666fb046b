import CMKCore
import Foundation
import JSON

/// `az keyvault key`: versions, attributes, soft delete, purge, rotation policy, encrypt and decrypt.
enum KeyCommands {
    static let name = OptionSpec("name", short: "n", valueName: "name", help: "Name of the key.")
    static let vault = OptionSpec("vault-name", valueName: "name", help: "Name of the Key Vault.")
    static let version = OptionSpec(
        "version", short: "v", valueName: "version",
        help: "The key version. If omitted, uses the latest version.")
    static let id = OptionSpec(
        "id", valueName: "url",
        help: "Id of the key. If specified all other 'Id' arguments should be omitted.")
    static let hsmName = OptionSpec("hsm-name", help: "Name of the HSM (Managed HSM is not simulated).", hidden: true)
    static let idOptions = [name, vault, version, id, hsmName]

    /// The key an invocation names, by `--id` or by `--name`/`--vault-name`[/`--version`].
    static func reference(_ context: CommandContext, allowVersion: Bool = true) throws -> KeyIdentifier {
        if context.arguments.has("hsm-name") {
            throw CommandFailure("Managed HSM is not part of the simulation; use --vault-name.", category: .usage)
        }
        if let text = context.arguments.string("id") {
            if ["name", "vault-name", "version"].contains(where: { context.arguments.has($0) }) {
                throw CommandFailure("usage error: --id | --name --vault-name [--version]", category: .usage)
            }
            let normalised = text.replacingOccurrences(of: "/deletedkeys/", with: "/keys/")
            guard let parsed = KeyIdentifier.parse(normalised) else {
                throw CommandFailure(
                    "argument --id: '\(text)' is not a key identifier "
                        + "(https://<vault>.vault.azure.net/keys/<name>[/<version>]).", category: .usage)
            }
            return parsed
        }
        guard let keyName = context.arguments.string("name"), let vaultName = context.arguments.string("vault-name")
        else {
            throw CommandFailure(
                "the following arguments are required: --name/-n, --vault-name (or --id)", category: .usage)
        }
        let version = allowVersion ? context.arguments.string("version") : nil
        return KeyIdentifier(vaultName: vaultName, keyName: keyName, version: version)
    }

    static var spec: CommandSpec {
        CommandSpec(
            "key", abstract: "Manage keys.", dialect: .az,
            subcommands: [
                create, importKey, show, list, listVersions, setAttributes, rotate, delete, recover, purge, listDeleted,
                showDeleted,
                encrypt, decrypt, rotationPolicy,
            ])
    }

    static var create: CommandSpec {
        CommandSpec(
            "create", abstract: "Create a new key, store it, then return key parameters and attributes to the client.",
            discussion: "If the key already exists, a new version is created. RSA material is generated for real.",
            dialect: .az,
            options: [
                {
                    var o = name; o.isRequired = true; return o
                }(),
                {
                    var o = vault; o.isRequired = true; return o
                }(),
                OptionSpec(
                    "kty", help: "The type of key to create. Default RSA.",
                    allowedValues: ["EC", "EC-HSM", "RSA", "RSA-HSM", "oct", "oct-HSM"]),
                OptionSpec(
                    "protection", short: "p", help: "Specifies the type of key protection.",
                    allowedValues: ["hsm", "software"]),
                OptionSpec("size", help: "The key size in bits. For RSA: 2048, 3072 or 4096 (default 2048)."),
                OptionSpec("curve", help: "Elliptic curve name.", allowedValues: Session.ellipticCurves),
                OptionSpec(
                    "ops", arity: .multiple, help: "Space-separated list of permitted JSON web key operations.",
                    allowedValues: Session.keyOperations),
                OptionSpec("disabled", arity: .threeState, help: "Create key in disabled state."),
                OptionSpec("expires", help: "Expiration UTC datetime (Y-m-d'T'H:M:S'Z')."),
                OptionSpec("not-before", help: "Key not usable before the provided UTC datetime (Y-m-d'T'H:M:S'Z')."),
                .flag(
                    "exportable", help: "Whether the private key can be exported (not supported here).", hidden: true),
                AzOptions.tags,
            ],
            examples: ["az keyvault key create --vault-name <key-vault-name> --name <key-name> --kty RSA --size 2048"],
            handler: { context in
                if context.arguments.flag("exportable") {
                    throw CommandFailure(
                        "Exportable keys need a release policy; private key material never leaves "
                            + "the simulated vault.", category: .usage)
                }
                return try context.perform { session in
                    var request = KeyCreateRequest(
                        vaultName: context.required("vault-name"), name: context.required("name"))
                    var kty = KeyType(azName: context.arguments.string("kty") ?? "RSA")!
                    if context.arguments.string("protection") == "hsm", !kty.isHSM {
                        kty = KeyType(azName: kty.rawValue + "-HSM") ?? kty
                    }
                    request.keyType = kty
                    request.size = try context.integer("size")
                    request.curve = context.arguments.string("curve")
                    request.operations = context.arguments.has("ops") ? context.arguments.strings("ops") : nil
                    request.disabled = context.arguments.bool("disabled") ?? false
                    request.expires = try context.date("expires")
                    request.notBefore = try context.date("not-before")
                    request.tags = context.tags()
                    let (key, version) = try session.createKey(request)
                    return CommandOutput(AzPresenter(world: session.world).key(key, version))
                }
            })
    }

    static var importKey: CommandSpec {
        CommandSpec(
            "import", abstract: "Import a private key (PEM, PKCS#8 or PKCS#1, unencrypted).", dialect: .az,
            options: [
                {
                    var o = name; o.isRequired = true; return o
                }(),
                {
                    var o = vault; o.isRequired = true; return o
                }(),
                OptionSpec("pem-file", help: "PEM file containing the key to be imported.", required: true),
                OptionSpec(
                    "pem-password", help: "Password of PEM file (encrypted PEM is not supported here).",
                    hidden: true),
                OptionSpec(
                    "protection", short: "p", help: "Specifies the type of key protection.",
                    allowedValues: ["hsm", "software"]),
                OptionSpec(
                    "ops", arity: .multiple, help: "Space-separated list of permitted JSON web key operations.",
                    allowedValues: Session.keyOperations),
                OptionSpec("disabled", arity: .threeState, help: "Import key in disabled state."),
                AzOptions.tags,
            ],
            handler: { context in
                if context.arguments.has("pem-password") {
                    throw CommandFailure(
                        "Encrypted PEM files are not supported; decrypt it first "
                            + "(openssl pkey -in key.pem -out plain.pem).", category: .usage)
                }
                let path = context.required("pem-file")
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw CommandFailure("Cannot read the PEM file '\(path)'.", category: .usage)
                }
                let body = String(decoding: data, as: UTF8.self).split(separator: "\n")
                    .filter { !$0.hasPrefix("-----") }.joined()
                guard let der = Data(base64Encoded: body) else {
                    throw CommandFailure("'\(path)' is not a PEM file.", category: .usage)
                }
                return try context.perform { session in
                    let (key, version) = try session.importKey(
                        vaultName: context.required("vault-name"), name: context.required("name"),
                        privateKeyDER: [UInt8](der), hsm: context.arguments.string("protection") == "hsm",
                        operations: context.arguments.has("ops") ? context.arguments.strings("ops") : nil,
                        disabled: context.arguments.bool("disabled") ?? false, tags: context.tags())
                    return CommandOutput(AzPresenter(world: session.world).key(key, version))
                }
            })
    }

    static var show: CommandSpec {
        CommandSpec(
            "show", abstract: "Get a key's attributes and, if it's an asymmetric key, its public material.",
            dialect: .az, options: idOptions,
            examples: [
                "az keyvault key show --name <key-name> --vault-name <key-vault-name> --query 'key.kid' --output tsv"
            ],
            handler: { context in
                let reference = try reference(context)
                return try context.perform { session in
                    let (key, version) = try session.showKey(
                        vaultName: reference.vaultName, name: reference.keyName,
                        version: reference.version)
                    return CommandOutput(AzPresenter(world: session.world).key(key, version))
                }
            })
    }

    static var list: CommandSpec {
        CommandSpec(
            "list", abstract: "List keys in the specified vault.", dialect: .az,
            options: [
                {
                    var o = vault; o.isRequired = true; return o
                }(),
                OptionSpec("maxresults", help: "Maximum number of results to return in a page."),
                .flag("include-managed", help: "Include managed keys."),
            ],
            handler: { context in
                try context.perform { session in
                    let keys = try session.listKeys(vaultName: context.required("vault-name"))
                    let limit = try context.integer("maxresults") ?? Int.max
                    let presenter = AzPresenter(world: session.world)
                    return CommandOutput(
                        .array(keys.prefix(limit).map { presenter.keyListItem($0, $0.current, versioned: false) }))
                }
            })
    }

    static var listVersions: CommandSpec {
        CommandSpec(
            "list-versions", abstract: "List the identifiers and properties of a key's versions.", dialect: .az,
            options: [
                name, vault, id, OptionSpec("maxresults", help: "Maximum number of results to return in a page."),
            ],
            handler: { context in
                let reference = try reference(context, allowVersion: false)
                return try context.perform { session in
                    let (key, _) = try session.showKey(
                        vaultName: reference.vaultName, name: reference.keyName, version: nil)
                    let limit = try context.integer("maxresults") ?? Int.max
                    let presenter = AzPresenter(world: session.world)
                    return CommandOutput(
                        .array(key.versions.prefix(limit).map { presenter.keyListItem(key, $0, versioned: true) }))
                }
            })
    }

    static var setAttributes: CommandSpec {
        CommandSpec(
            "set-attributes", abstract: "Change specified attributes of a stored key.", dialect: .az,
            options: idOptions + [
                OptionSpec("enabled", arity: .threeState, help: "Enable the key."),
                OptionSpec("expires", help: "Expiration UTC datetime (Y-m-d'T'H:M:S'Z')."),
                OptionSpec("not-before", help: "Key not usable before the provided UTC datetime (Y-m-d'T'H:M:S'Z')."),
                OptionSpec(
                    "ops", arity: .multiple, help: "Space-separated list of permitted JSON web key operations.",
                    allowedValues: Session.keyOperations),
                AzOptions.tags,
            ],
            examples: [
                "az keyvault key set-attributes --name <key-name> --vault-name <key-vault-name> --enabled false"
            ],
            handler: { context in
                let reference = try reference(context)
                return try context.perform { session in
                    var update = KeyAttributesUpdate()
                    update.enabled = context.arguments.bool("enabled")
                    update.expires = try context.date("expires")
                    update.notBefore = try context.date("not-before")
                    update.operations = context.arguments.has("ops") ? context.arguments.strings("ops") : nil
                    update.tags = context.tags()
                    let (key, version) = try session.setKeyAttributes(
                        vaultName: reference.vaultName, name: reference.keyName, version: reference.version, update)
                    return CommandOutput(AzPresenter(world: session.world).key(key, version))
                }
            })
    }

    static var rotate: CommandSpec {
        CommandSpec(
            "rotate", abstract: "Rotate the key based on the key policy by generating a new version of the key.",
            dialect: .az, options: [name, vault, id],
            handler: { context in
                let reference = try reference(context, allowVersion: false)
                return try context.perform { session in
                    let (key, version) = try session.rotateKey(vaultName: reference.vaultName, name: reference.keyName)
                    return CommandOutput(AzPresenter(world: session.world).key(key, version))
                }
            })
    }

    static var delete: CommandSpec {
        CommandSpec(
            "delete", abstract: "Delete a key of any type from storage (soft delete: recoverable until purged).",
            dialect: .az, options: [name, vault, id],
            examples: ["az keyvault key delete --name <key-name> --vault-name <key-vault-name>"],
            handler: { context in
                let reference = try reference(context, allowVersion: false)
                return try context.perform { session in
                    let key = try session.deleteKey(vaultName: reference.vaultName, name: reference.keyName)
                    return CommandOutput(AzPresenter(world: session.world).key(key, key.current))
                }
            })
    }

    static var recover: CommandSpec {
        CommandSpec(
            "recover", abstract: "Recover the deleted key to its latest version.", dialect: .az,
            options: [name, vault, id],
            examples: ["az keyvault key recover --name <key-name> --vault-name <key-vault-name>"],
            handler: { context in
                let reference = try reference(context, allowVersion: false)
                return try context.perform { session in
                    let key = try session.recoverKey(vaultName: reference.vaultName, name: reference.keyName)
                    return CommandOutput(AzPresenter(world: session.world).key(key, key.current))
                }
            })
    }

    static var purge: CommandSpec {
        CommandSpec(
            "purge", abstract: "Permanently delete the specified key. Refused while purge protection holds.",
            dialect: .az, options: [name, vault, id],
            examples: ["az keyvault key purge --name <key-name> --vault-name <key-vault-name>"],
            handler: { context in
                let reference = try reference(context, allowVersion: false)
                try context.perform { session in
                    try session.purgeKey(vaultName: reference.vaultName, name: reference.keyName)
                }
                return .empty
            })
    }

    static var listDeleted: CommandSpec {
        CommandSpec(
            "list-deleted", abstract: "List the deleted keys in the specified vault.", dialect: .az,
            options: [
                {
                    var o = vault; o.isRequired = true; return o
                }(),
                OptionSpec("maxresults", help: "Maximum number of results to return in a page."),
            ],
            examples: ["az keyvault key list-deleted --vault-name <key-vault-name>"],
            handler: { context in
                try context.perform { session in
                    let keys = try session.listDeletedKeys(vaultName: context.required("vault-name"))
                    let presenter = AzPresenter(world: session.world)
                    return CommandOutput(.array(keys.map { presenter.keyListItem($0, $0.current, versioned: false) }))
                }
            })
    }

    static var showDeleted: CommandSpec {
        CommandSpec(
            "show-deleted", abstract: "Get the public part of a deleted key.", dialect: .az,
            options: [name, vault, id],
            handler: { context in
                let reference = try reference(context, allowVersion: false)
                return try context.perform { session in
                    guard
                        let key = try session.listDeletedKeys(vaultName: reference.vaultName)
                            .first(where: { $0.name.lowercased() == reference.keyName.lowercased() })
                    else {
                        throw CMKError(.notFound, code: .keyNotFound, "Deleted Key not found: \(reference.keyName)")
                    }
                    return CommandOutput(AzPresenter(world: session.world).key(key, key.current))
                }
            })
    }

    static let algorithm = OptionSpec(
        "algorithm", short: "a", help: "Algorithm identifier.", required: true,
        allowedValues: KeyEncryptionAlgorithm.allCases.map(\.rawValue))

    static var encrypt: CommandSpec {
        CommandSpec(
            "encrypt",
            abstract: "Encrypt an arbitrary sequence of bytes using an encryption key that is stored in a key vault.",
            dialect: .az,
            options: idOptions + [
                algorithm,
                OptionSpec(
                    "value", help: "The value to be encrypted. Default data type is Base64 encoded string.",
                    required: true),
                OptionSpec(
                    "data-type", help: "The type of the original data.",
                    allowedValues: ["base64", "plaintext"]),
            ],
            handler: { context in
                let reference = try reference(context)
                let value = context.required("value")
                let plaintext: [UInt8]
                if context.arguments.string("data-type") == "plaintext" {
                    plaintext = Array(value.utf8)
                } else {
                    guard let data = Data(base64Encoded: value) else {
                        throw CommandFailure(
                            "--value is not valid base64; pass --data-type plaintext for text.",
                            category: .usage)
                    }
                    plaintext = [UInt8](data)
                }
                let algorithm = KeyEncryptionAlgorithm(rawValue: context.required("algorithm"))!
                return try context.perform { session in
                    let result = try session.encrypt(
                        vaultName: reference.vaultName, name: reference.keyName,
                        version: reference.version, algorithm: algorithm, plaintext: plaintext)
                    return CommandOutput([
                        "algorithm": .string(algorithm.rawValue), "kid": .string(result.kid),
                        "result": .string(Data(result.ciphertext).base64EncodedString()),
                    ])
                }
            })
    }

    static var decrypt: CommandSpec {
        CommandSpec(
            "decrypt", abstract: "Decrypt a single block of encrypted data.", dialect: .az,
            options: idOptions + [
                algorithm,
                OptionSpec("value", help: "The value to be decrypted, base64 encoded.", required: true),
                OptionSpec(
                    "data-type", help: "The type of the original data.",
                    allowedValues: ["base64", "plaintext"]),
            ],
            handler: { context in
                let reference = try reference(context)
                guard let ciphertext = Data(base64Encoded: context.required("value")) else {
                    throw CommandFailure("--value is not valid base64.", category: .usage)
                }
                let algorithm = KeyEncryptionAlgorithm(rawValue: context.required("algorithm"))!
                return try context.perform { session in
                    let result = try session.decrypt(
                        vaultName: reference.vaultName, name: reference.keyName,
                        version: reference.version, algorithm: algorithm,
                        ciphertext: [UInt8](ciphertext))
                    let bytes = result.plaintext.withUnsafeBytes { Data($0) }
                    let text: String
                    if context.arguments.string("data-type") == "plaintext" {
                        text = String(decoding: bytes, as: UTF8.self)
                    } else {
                        text = bytes.base64EncodedString()
                    }
                    return CommandOutput([
                        "algorithm": .string(algorithm.rawValue), "kid": .string(result.kid),
                        "result": .string(text),
                    ])
                }
            })
    }

    static var rotationPolicy: CommandSpec {
        CommandSpec(
            "rotation-policy", abstract: "Manage key's rotation policy.", dialect: .az,
            subcommands: [
                CommandSpec(
                    "show", abstract: "Get the rotation policy of a Key Vault key.", dialect: .az,
                    options: [name, vault, id],
                    handler: { context in
                        let reference = try reference(context, allowVersion: false)
                        return try context.perform { session in
                            let (key, policy) = try session.showRotationPolicy(
                                vaultName: reference.vaultName,
                                name: reference.keyName)
                            return CommandOutput(AzPresenter(world: session.world).rotationPolicy(key, policy))
                        }
                    }),
                CommandSpec(
                    "update", abstract: "Update the rotation policy of a Key Vault key.", dialect: .az,
                    options: [
                        name, vault, id,
                        OptionSpec(
                            "value",
                            help: "The rotation policy file definition as JSON, or a path to a file "
                                + "containing JSON policy definition.", required: true),
                    ],
                    examples: [
                        "az keyvault key rotation-policy update --vault-name myvault --name mykey --value @rotation-policy.json"
                    ],
                    handler: { context in
                        let reference = try reference(context, allowVersion: false)
                        let (actions, expiry) = try RotationPolicyParser.parse(context.required("value"))
                        return try context.perform { session in
                            let (key, policy) = try session.updateRotationPolicy(
                                vaultName: reference.vaultName, name: reference.keyName,
                                lifetimeActions: actions, expiryTime: expiry)
                            return CommandOutput(AzPresenter(world: session.world).rotationPolicy(key, policy))
                        }
                    }),
            ])
    }
}

/// Reads a rotation policy the way az does: camelCase or snake_case, `action` as an object or a string, the trigger
/// nested or flat, expiry from `attributes.expiryTime` or top-level `expiresIn`; a value that is a path is read as a file.
enum RotationPolicyParser {
    static func parse(_ text: String) throws -> ([RotationPolicy.LifetimeAction], ISODuration?) {
        var source = text
        if !text.trimmingCharacters(in: .whitespaces).hasPrefix("{"), FileManager.default.fileExists(atPath: text),
            let data = FileManager.default.contents(atPath: text)
        {
            source = String(decoding: data, as: UTF8.self)
        }
        let document: JSONValue
        do {
            document = try JSONValue.parse(source)
        } catch {
            throw CommandFailure(
                "Failed to parse the rotation policy as JSON: \(error)",
                hint: "Pass inline JSON, @file.json, or a path to a JSON file.", category: .usage)
        }
        guard case .object(let root) = document else {
            throw CommandFailure("The rotation policy must be a JSON object.", category: .usage)
        }
        func field(_ object: JSONObject, _ names: String...) -> JSONValue? {
            for name in names {
                if let value = object[name], value != .null { return value }
                if let match = object.keys.first(where: { $0.lowercased() == name.lowercased() }),
                    let value = object[match],
                    value != .null
                {
                    return value
                }
            }
            return nil
        }
        func duration(_ value: JSONValue?) throws -> ISODuration? {
            guard let value else { return nil }
            guard case .string(let text) = value else {
                throw CommandFailure(
                    "Rotation policy durations must be ISO-8601 strings such as \"P90D\".", category: .usage)
            }
            do { return try ISODuration(text) } catch let error as CMKError { throw CommandFailure(error) }
        }
        var actions: [RotationPolicy.LifetimeAction] = []
        for item in field(root, "lifetimeActions", "lifetime_actions")?.arrayValue ?? [] {
            guard case .object(let entry) = item else { continue }
            let trigger = field(entry, "trigger")?.objectValue ?? entry
            let actionValue = field(entry, "action")
            let actionName =
                actionValue?.stringValue ?? actionValue.flatMap { field($0.objectValue ?? [:], "type")?.stringValue }
            guard let actionName,
                let action = RotationPolicy.LifetimeAction.Action(
                    rawValue: actionName.prefix(1).uppercased()
                        + actionName.dropFirst().lowercased())
            else {
                throw CommandFailure("Each lifetime action needs an action of type Rotate or Notify.", category: .usage)
            }
            actions.append(
                .init(
                    action: action,
                    timeAfterCreate: try duration(field(trigger, "timeAfterCreate", "time_after_create")),
                    timeBeforeExpiry: try duration(field(trigger, "timeBeforeExpiry", "time_before_expiry"))))
        }
        let attributes = field(root, "attributes")?.objectValue ?? [:]
        let expiry = try duration(
            field(attributes, "expiryTime", "expiry_time") ?? field(root, "expiresIn", "expires_in"))
        return (actions, expiry)
    }
}
