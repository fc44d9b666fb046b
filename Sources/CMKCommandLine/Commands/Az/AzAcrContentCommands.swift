import CMKCore
import Foundation
import JMESPath

/// `az acr repository …` and `az acr manifest list-metadata`: the registry's content as az shows it.
///
/// Every command calls CMKCore's `RegistryContent`, which unwraps the registry's key first (one audited vault call),
/// so with the key revoked even listing fails, naming the cause, as the seed's impact tables say; the index itself
/// is sealed with keys derived from the same DEK, so it could not be read anyway. Ordering and `--top` are az's
/// presentation and stay here.
enum AzAcrContentCommands {
    /// `--orderby`.
    enum Order: String, CaseIterable, ExpressibleByArgument {
        case timeAscending = "time_asc", timeDescending = "time_desc"
    }

    static let registryName = Option<String>(
        "name", short: "n", valueName: "name", help: "The name of the container registry.")
    static let repository = Option<String>("repository", valueName: "name", help: "The name of the repository.")
    static let top = Option<Int?>(
        "top", valueName: "n", help: "Limit the number of items in the results.", transform: ArgumentTypes.count)
    static let orderBy = Option<Order?>("orderby", valueName: "order", help: "Order the items in the results.")
    static let detail = Option<Bool>(flag: "detail", help: "Show detailed information.")
    /// Accepted for az compatibility: the simulation has no registry login.
    static let credentials: [any CommandOption] = [
        Option<String?>(
            "username", short: "u", help: "The username used to log into a container registry.", hidden: true),
        Option<String?>(
            "password", short: "p", help: "The password used to log into a container registry.", hidden: true),
        Option<String?>("suffix", help: "The tenant suffix in registry login server.", hidden: true),
    ]
    /// `az acr manifest list-metadata` names the registry `--registry/-r` and the repository `--name/-n`.
    static let metadataRegistry = Option<String>(
        "registry", short: "r", valueName: "name", help: "The name of the container registry.")
    static let metadataRepository = Option<String>(
        "name", short: "n", valueName: "repository", help: "The name of the repository.")

    static var repositorySpec: CommandSpec {
        CommandSpec("repository", abstract: "Manage repositories (image names) for Azure Container Registries.",
                    dialect: .az, subcommands: [list, showTags, showManifests, delete])
    }

    static var manifestSpec: CommandSpec {
        CommandSpec("manifest", abstract: "Manage artifact manifests in Azure Container Registries.", dialect: .az,
                    subcommands: [listMetadata])
    }

    static var list: CommandSpec {
        CommandSpec("list", abstract: "List repositories in an Azure Container Registry.", dialect: .az,
                    options: [registryName, top] + credentials,
                    examples: ["az acr repository list --name myregistry"],
                    handler: { context in
                        let names = try context.registryContent().repositories(in: context[registryName])
                            .map(\.name)
                        return CommandOutput(.array(limited(names, context).map(JSONValue.string)))
                    })
    }

    static var showTags: CommandSpec {
        CommandSpec("show-tags", abstract: "Show tags for a repository in an Azure Container Registry.", dialect: .az,
                    options: [registryName, repository, top, orderBy, detail] + credentials,
                    examples: ["az acr repository show-tags --name myregistry --repository MyRepository"],
                    handler: { context in
                        var tags = try context.registryContent().tags(in: context[registryName],
                                                                      repository: context[repository])
                        switch context[orderBy] {
                        case .timeAscending: tags.sort { $0.lastUpdatedAt < $1.lastUpdatedAt }
                        case .timeDescending: tags.sort { $0.lastUpdatedAt > $1.lastUpdatedAt }
                        case nil: break
                        }
                        tags = limited(tags, context)
                        guard context[detail] else {
                            return CommandOutput(.array(tags.map { .string($0.name) }))
                        }
                        return CommandOutput(.array(tags.map { tag in
                            ["changeableAttributes": changeableAttributes,
                             "createdTime": .string(acrTime(tag.createdAt)),
                             "digest": .string(tag.digest), "lastUpdateTime": .string(acrTime(tag.lastUpdatedAt)),
                             "name": .string(tag.name), "signed": false]
                        }))
                    })
    }

    static var showManifests: CommandSpec {
        CommandSpec("show-manifests", abstract: "Show manifests of a repository in an Azure Container Registry.",
                    dialect: .az, options: [registryName, repository, top, orderBy, detail] + credentials,
                    examples: ["az acr repository show-manifests --name myregistry --repository MyRepository"],
                    handler: { context in
                        context.warn("This command has been deprecated and will be removed in a future release. "
                                     + "Use 'acr manifest list-metadata' instead.")
                        let manifests = ordered(try context.registryContent().manifests(
                            in: context[registryName], repository: context[repository]), context)
                        if context[detail] {
                            return CommandOutput(.array(manifests.map(metadata)))
                        }
                        return CommandOutput(.array(manifests.map { manifest in
                            ["digest": .string(manifest.digest), "tags": .array(manifest.tags.map(JSONValue.string)),
                             "timestamp": .string(acrTime(manifest.lastUpdatedAt))]
                        }))
                    })
    }

    static var delete: CommandSpec {
        CommandSpec("delete", abstract: "Delete a repository and all images in it.", dialect: .az,
                    options: [registryName, repository, AzOptions.yes] + credentials,
                    examples: ["az acr repository delete --name myregistry --repository hello-world --yes"],
                    handler: { context in
                        let repositoryName = context[repository]
                        try context.confirm("This operation will delete the repository '\(repositoryName)' and all "
                                            + "images in it. Are you sure you want to continue?")
                        try context.registryContent().deleteRepository(repositoryName, from: context[registryName])
                        return .empty
                    })
    }

    static var listMetadata: CommandSpec {
        CommandSpec("list-metadata", abstract: "List the metadata of the manifests in a repository.", dialect: .az,
                    options: [metadataRegistry, metadataRepository, top, orderBy] + credentials,
                    examples: ["az acr manifest list-metadata -r myregistry -n hello-world"],
                    handler: { context in
                        let manifests = ordered(try context.registryContent().manifests(
                            in: context[metadataRegistry], repository: context[metadataRepository]), context)
                        return CommandOutput(.array(manifests.map(metadata)))
                    })
    }

    // MARK: Helpers

    private static func ordered(_ manifests: [ContentManifestRecord],
                                _ context: CommandContext) -> [ContentManifestRecord] {
        var result = manifests
        switch context[orderBy] {
        case .timeAscending: result.sort { $0.lastUpdatedAt < $1.lastUpdatedAt }
        case .timeDescending: result.sort { $0.lastUpdatedAt > $1.lastUpdatedAt }
        case nil: result.sort { $0.digest < $1.digest }
        }
        return limited(result, context)
    }

    /// The first `--top` items; the parser has refused a negative or non-numeric count.
    private static func limited<T>(_ items: [T], _ context: CommandContext) -> [T] {
        guard let count = context[top] else { return items }
        return Array(items.prefix(count))
    }

    private static let changeableAttributes: JSONValue = [
        "deleteEnabled": true, "listEnabled": true, "readEnabled": true, "writeEnabled": true,
    ]

    /// A manifest's attributes as ACR's `_manifests` API returns them.
    private static func metadata(_ manifest: ContentManifestRecord) -> JSONValue {
        var object: [(String, JSONValue)] = [
            ("changeableAttributes", changeableAttributes),
            ("createdTime", .string(acrTime(manifest.createdAt))),
            ("digest", .string(manifest.digest)),
            ("imageSize", .number(Double(manifest.imageSize))),
            ("lastUpdateTime", .string(acrTime(manifest.lastUpdatedAt))),
            ("mediaType", .string(manifest.mediaType)),
            ("tags", .array(manifest.tags.map(JSONValue.string))),
        ]
        if let architecture = manifest.architecture { object.append(("architecture", .string(architecture))) }
        if let os = manifest.os { object.append(("os", .string(os))) }
        if let configMediaType = manifest.configMediaType {
            object.append(("configMediaType", .string(configMediaType)))
        }
        if let artifactType = manifest.artifactType { object.append(("artifactType", .string(artifactType))) }
        return .object(JSONObject(object.sorted { $0.0 < $1.0 }))
    }

    /// ACR's data-plane time format: `2026-01-02T03:04:05.1234567Z`.
    static func acrTime(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        let whole = seconds.rounded(.down)
        let ticks = min(Int(((seconds - whole) * 10_000_000).rounded()), 9_999_999)
        let base = Timestamp.zulu(Date(timeIntervalSince1970: whole)).dropLast()
        return base + "." + String(format: "%07d", ticks) + "Z"
    }
}
