import CMKCore
import Foundation
import JSON

/// `az keyvault key`: versions, attributes, soft delete, purge, rotation policy, encrypt and decrypt.
enum KeyCommands {
    static let name = Option<String?>("name", short: "n", valueName: "name", help: "Name of the key.")
    static let vault = Option<String?>("vault-name", valueName: "name", help: "Name of the Key Vault.")
    static let requiredName = name.required()
    static let requiredVault = vault.required()
    static let version = Option<String?>(
        "version", short: "v", valueName: "version",
        help: "The key version. If omitted, uses the latest version.")
    static let id = Option<KeyIdentifier?>(
        "id", valueName: "url",
        help: "Id of the key. If specified all other 'Id' arguments should be omitted.", transform: keyIdentifier)
    static let hsmName = Option<String?>(
        "hsm-name", help: "Name of the HSM (Managed HSM is not simulated).", hidden: true)
    /// How commands that take one version of a key name it.
    static let idOptions: [any CommandOption] = [name, vault, version, id, hsmName]
    /// How commands that take a whole key name it.
    static let keyOptions: [any CommandOption] = [name, vault, id]

    /// `--id`: a key's URL, of a key or of a deleted key; argparse's wording for anything else.
    @Sendable static func keyIdentifier(_ text: String) throws(ValueConversionError) -> KeyIdentifier {
        let normalised = text.replacingOccurrences(of: "/deletedkeys/", with: "/keys/")
        guard let parsed = KeyIdentifier.parse(normalised) else {
            throw .refused(
                "'\(text)' is not a key identifier (https://<vault>.vault.azure.net/keys/<name>[/<version>]).")
        }
        return parsed
    }

    /// The key an invocation names, by `--id` or by `--name`/`--vault-name`[/`--version`].
    ///
    /// - Parameter allowVersion: Whether the command declares `idOptions` (a version of a key); without it, the
    ///   command declares `keyOptions` (a whole key).
    static func reference(_ context: CommandContext, allowVersion: Bool = true) throws -> KeyIdentifier {
        if allowVersion, context[hsmName] != nil {
            throw CommandFailure("Managed HSM is not part of the simulation; use --vault-name.", category: .usage)
        }
        if let parsed = context[id] {
            let versionGiven = allowVersion && context[version] != nil
            if context[name] != nil || context[vault] != nil || versionGiven {
                throw CommandFailure("usage error: --id | --name --vault-name [--version]", category: .usage)
            }
            return parsed
        }
        guard let keyName = context[name], let vaultName = context[vault] else {
            throw CommandFailure(
                "the following arguments are required: --name/-n, --vault-name (or --id)", category: .usage)
        }
        return KeyIdentifier(vaultName: vaultName, keyName: keyName, version: allowVersion ? context[version] : nil)
    }

    /// `--protection`.
    enum Protection: String, CaseIterable, ExpressibleByArgument {
        case hsm, software
    }

    /// `--data-type` of `encrypt` and `decrypt`.
    enum DataType: String, CaseIterable, ExpressibleByArgument {
        case base64, plaintext
    }

    static let protection = Option<Protection?>(
        "protection", short: "p", help: "Specifies the type of key protection.")
    static let operations = Option<[String]?>(
        "ops", help: "Space-separated list of permitted JSON web key operations.", allowedValues: Session.keyOperations)
    static let expires = Option<Date?>(
        "expires", help: "Expiration UTC datetime (Y-m-d'T'H:M:S'Z').", transform: ArgumentTypes.azDateTime)
    static let notBefore = Option<Date?>(
        "not-before", help: "Key not usable before the provided UTC datetime (Y-m-d'T'H:M:S'Z').",
        transform: ArgumentTypes.azDateTime)
    static let maxResults = Option<Int?>("maxresults", help: "Maximum number of results to return in a page.")

    static var spec: CommandSpec {
        CommandSpec(
            "key", abstract: "Manage keys.", dialect: .az,
            subcommands: [
                create, importKey, show, list, listVersions, setAttributes, rotate, delete, recover, purge, listDeleted,
                showDeleted,
                encrypt, decrypt, rotationPolicy,
            ])
    }

    /// The options of `az keyvault key create`.
    enum Create {
        static let kty = Option<KeyType?>(
            "kty", help: "The type of key to create. Default RSA.",
            allowedValues: ["EC", "EC-HSM", "RSA", "RSA-HSM", "oct", "oct-HSM"])
        static let size = Option<Int?>(
            "size", help: "The key size in bits. For RSA: 2048, 3072 or 4096 (default 2048).")
        static let curve = Option<String?>("curve", help: "Elliptic curve name.", allowedValues: Session.ellipticCurves)
        static let disabled = Option<Bool?>(threeState: "disabled", help: "Create key in disabled state.")
        static let exportable = Option<Bool>(
            flag: "exportable", help: "Whether the private key can be exported (not supported here).", hidden: true)
    }

    static var create: CommandSpec {
        CommandSpec(
            "create", abstract: "Create a new key, store it, then return key parameters and attributes to the client.",
            discussion: "If the key already exists, a new version is created. RSA material is generated for real.",
            dialect: .az,
            options: [
                requiredName, requiredVault, Create.kty, protection, Create.size, Create.curve, operations,
                Create.disabled, expires, notBefore, Create.exportable, AzOptions.tags,
            ],
            examples: ["az keyvault key create --vault-name <key-vault-name> --name <key-name> --kty RSA --size 2048"],
            handler: { context in
                if context[Create.exportable] {
                    throw CommandFailure(
                        "Exportable keys need a release policy; private key material never leaves "
                            + "the simulated vault.", category: .usage)
                }
                return try context.perform { session in
                    var request = KeyCreateRequest(vaultName: context[requiredVault], name: context[requiredName])
                    var kty = context[Create.kty] ?? .rsa
                    if context[protection] == .hsm, !kty.isHSM {
                        kty = KeyType(azName: kty.rawValue + "-HSM") ?? kty
                    }
                    request.keyType = kty
                    request.size = context[Create.size]
                    request.curve = context[Create.curve]
                    request.operations = context[operations]
                    request.disabled = context[Create.disabled] ?? false
                    request.expires = context[expires]
                    request.notBefore = context[notBefore]
                    request.tags = context[AzOptions.tags]
                    let (key, version) = try session.createKey(request)
                    return CommandOutput(AzPresenter(world: session.world).key(key, version))
                }
            })
    }

    /// The options of `az keyvault key import`.
    enum Import {
        static let pemFile = Option<String>("pem-file", help: "PEM file containing the key to be imported.")
        static let pemPassword = Option<String?>(
            "pem-password", help: "Password of PEM file (encrypted PEM is not supported here).", hidden: true)
        static let disabled = Option<Bool?>(threeState: "disabled", help: "Import key in disabled state.")
    }

    static var importKey: CommandSpec {
        CommandSpec(
            "import", abstract: "Import a private key (PEM, PKCS#8 or PKCS#1, unencrypted).", dialect: .az,
            options: [
                requiredName, requiredVault, Import.pemFile, Import.pemPassword, protection, operations,
                Import.disabled, AzOptions.tags,
            ],
            handler: { context in
                if context[Import.pemPassword] != nil {
                    throw CommandFailure(
                        "Encrypted PEM files are not supported; decrypt it first "
                            + "(openssl pkey -in key.pem -out plain.pem).", category: .usage)
                }
                let path = context[Import.pemFile]
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
                        vaultName: context[requiredVault], name: context[requiredName],
                        privateKeyDER: [UInt8](der), hsm: context[protection] == .hsm, operations: context[operations],
                        disabled: context[Import.disabled] ?? false, tags: context[AzOptions.tags])
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

    static let includeManaged = Option<Bool>(flag: "include-managed", help: "Include managed keys.")

    static var list: CommandSpec {
        CommandSpec(
            "list", abstract: "List keys in the specified vault.", dialect: .az,
            options: [requiredVault, maxResults, includeManaged],
            handler: { context in
                try context.perform { session in
                    let keys = try session.listKeys(vaultName: context[requiredVault])
                    let limit = context[maxResults] ?? Int.max
                    let presenter = AzPresenter(world: session.world)
                    return CommandOutput(
                        .array(keys.prefix(limit).map { presenter.keyListItem($0, $0.current, versioned: false) }))
                }
            })
    }

    static var listVersions: CommandSpec {
        CommandSpec(
            "list-versions", abstract: "List the identifiers and properties of a key's versions.", dialect: .az,
            options: keyOptions + [maxResults],
            handler: { context in
                let reference = try reference(context, allowVersion: false)
                return try context.perform { session in
                    let (key, _) = try session.showKey(
                        vaultName: reference.vaultName, name: reference.keyName, version: nil)
                    let limit = context[maxResults] ?? Int.max
                    let presenter = AzPresenter(world: session.world)
                    return CommandOutput(
                        .array(key.versions.prefix(limit).map { presenter.keyListItem(key, $0, versioned: true) }))
                }
            })
    }

    static let enabled = Option<Bool?>(threeState: "enabled", help: "Enable the key.")

    static var setAttributes: CommandSpec {
        CommandSpec(
            "set-attributes", abstract: "Change specified attributes of a stored key.", dialect: .az,
            options: idOptions + [enabled, expires, notBefore, operations, AzOptions.tags],
            examples: [
                "az keyvault key set-attributes --name <key-name> --vault-name <key-vault-name> --enabled false"
            ],
            handler: { context in
                let reference = try reference(context)
                return try context.perform { session in
                    var update = KeyAttributesUpdate()
                    update.enabled = context[enabled]
                    update.expires = context[expires]
                    update.notBefore = context[notBefore]
                    update.operations = context[operations]
                    update.tags = context[AzOptions.tags]
                    let (key, version) = try session.setKeyAttributes(
                        vaultName: reference.vaultName, name: reference.keyName, version: reference.version, update)
                    return CommandOutput(AzPresenter(world: session.world).key(key, version))
                }
            })
    }

    static var rotate: CommandSpec {
        CommandSpec(
            "rotate", abstract: "Rotate the key based on the key policy by generating a new version of the key.",
            dialect: .az, options: keyOptions,
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
            dialect: .az, options: keyOptions,
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
            options: keyOptions,
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
            dialect: .az, options: keyOptions,
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
            options: [requiredVault, maxResults],
            examples: ["az keyvault key list-deleted --vault-name <key-vault-name>"],
            handler: { context in
                try context.perform { session in
                    let keys = try session.listDeletedKeys(vaultName: context[requiredVault])
                    let presenter = AzPresenter(world: session.world)
                    return CommandOutput(.array(keys.map { presenter.keyListItem($0, $0.current, versioned: false) }))
                }
            })
    }

    static var showDeleted: CommandSpec {
        CommandSpec(
            "show-deleted", abstract: "Get the public part of a deleted key.", dialect: .az,
            options: keyOptions,
            handler: { context in
                let reference = try reference(context, allowVersion: false)
                return try context.perform { session in
                    guard
                        let key = try session.listDeletedKeys(vaultName: reference.vaultName)
                            .first(where: { $0.resourceName == ResourceName(reference.keyName) })
                    else {
                        throw CMKError(.notFound, code: .keyNotFound, "Deleted Key not found: \(reference.keyName)")
                    }
                    return CommandOutput(AzPresenter(world: session.world).key(key, key.current))
                }
            })
    }

    static let algorithm = Option<KeyEncryptionAlgorithm>("algorithm", short: "a", help: "Algorithm identifier.")
    static let dataType = Option<DataType?>("data-type", help: "The type of the original data.")
    static let plaintextValue = Option<String>(
        "value", help: "The value to be encrypted. Default data type is Base64 encoded string.")
    static let ciphertextValue = Option<[UInt8]?>(
        "value", help: "The value to be decrypted, base64 encoded.", transform: base64
    ).required()

    /// `--value` of `decrypt`: base64, as Key Vault's results are.
    @Sendable static func base64(_ text: String) throws(ValueConversionError) -> [UInt8] {
        guard let data = Data(base64Encoded: text) else { throw .invalid("base64") }
        return [UInt8](data)
    }

    static var encrypt: CommandSpec {
        CommandSpec(
            "encrypt",
            abstract: "Encrypt an arbitrary sequence of bytes using an encryption key that is stored in a key vault.",
            dialect: .az,
            options: idOptions + [algorithm, plaintextValue, dataType],
            handler: { context in
                let reference = try reference(context)
                let value = context[plaintextValue]
                let plaintext: [UInt8]
                // The text is base64 unless --data-type says otherwise, so it is checked here, not by the parser.
                if context[dataType] == .plaintext {
                    plaintext = Array(value.utf8)
                } else {
                    guard let data = Data(base64Encoded: value) else {
                        throw CommandFailure(
                            "--value is not valid base64; pass --data-type plaintext for text.",
                            category: .usage)
                    }
                    plaintext = [UInt8](data)
                }
                let algorithm = context[Self.algorithm]
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
            options: idOptions + [algorithm, ciphertextValue, dataType],
            handler: { context in
                let reference = try reference(context)
                let ciphertext = context[ciphertextValue]
                let algorithm = context[Self.algorithm]
                return try context.perform { session in
                    let result = try session.decrypt(
                        vaultName: reference.vaultName, name: reference.keyName,
                        version: reference.version, algorithm: algorithm,
                        ciphertext: ciphertext)
                    let bytes = result.plaintext.withUnsafeBytes { Data($0) }
                    let text: String
                    if context[dataType] == .plaintext {
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

    static let policyValue = Option<String>(
        "value",
        help: "The rotation policy file definition as JSON, or a path to a file containing JSON policy definition.")

    static var rotationPolicy: CommandSpec {
        CommandSpec(
            "rotation-policy", abstract: "Manage key's rotation policy.", dialect: .az,
            subcommands: [
                CommandSpec(
                    "show", abstract: "Get the rotation policy of a Key Vault key.", dialect: .az,
                    options: keyOptions,
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
                    options: keyOptions + [policyValue],
                    examples: [
                        "az keyvault key rotation-policy update --vault-name myvault --name mykey --value @rotation-policy.json"
                    ],
                    handler: { context in
                        let reference = try reference(context, allowVersion: false)
                        let (actions, expiry) = try RotationPolicyParser.parse(context[policyValue])
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
