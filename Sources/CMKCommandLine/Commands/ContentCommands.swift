import CMKCore
import Foundation
import JMESPath

/// acrcmk's own content commands: `push`, `pull`, `export` and `fsck`.
enum ContentCommands {
    static var specs: [CommandSpec] {
        [push, pull, importLayout, export, fsck]
    }

    static var push: CommandSpec {
        CommandSpec(
            "push",
            abstract: "Push a file or an OCI image layout into a registry, sealed with its keys.",
            discussion: """
            A file becomes a one-layer OCI artifact (empty config, artifactType \(OCIMediaType.fileArtifact)).
            A directory must be an OCI image layout (as 'skopeo copy ... oci:DIR:TAG' or umoci write it): the
            manifest tagged TAG in its index.json is imported with everything it references. Content is sealed
            with the platform key and, for a CMK registry, with the data key unwrapped through the vault.
            """,
            arguments: [ArgumentSpec("registry", help: "The registry name."),
                        ArgumentSpec("reference", help: "<repository>:<tag>, e.g. team/app:1.0."),
                        ArgumentSpec("path", help: "A file, or an OCI image layout directory.")],
            examples: ["acrcmk push reg1cmk samples/hello:v1 ./hello.txt",
                       "acrcmk push reg1cmk library/alpine:3 ./alpine-oci"],
            handler: { context in
                let registry = context.arguments.positional("registry")!
                let reference = try ImageReference(parsing: context.arguments.positional("reference")!)
                let transfer = try ContentTransfer(context: context)
                let result = try transfer.push(registry: registry, reference: reference,
                                               path: context.arguments.positional("path")!)
                let value: JSONValue = [
                    "registry": .string(registry), "repository": .string(reference.repository),
                    "tag": JSONValue(reference.tag), "digest": .string(result.digest),
                    "mediaType": .string(result.mediaType), "size": .number(Double(result.size)),
                    "objects": .number(Double(result.objects)), "sealedBytes": .number(Double(result.sealedBytes)),
                ]
                return CommandOutput(value: value, text: "Pushed \(registry).azurecr.io/\(reference)@\(result.digest) "
                                     + "(\(result.objects) objects, \(result.sealedBytes) bytes of content sealed)")
            })
    }

    static var pull: CommandSpec {
        CommandSpec(
            "pull",
            abstract: "Pull content from a registry: a pushed file back to a file, an image to an OCI image layout.",
            discussion: """
            Every object is decrypted and its digest verified; on any failure (a revoked key, a tampered or
            missing object) nothing is left at DEST and the exit status is non-zero. For a single-file artifact
            DEST is the file to write (or a directory to write it into); --oci writes an OCI image layout instead.
            """,
            options: [OptionSpec.flag("oci", help: "Write an OCI image layout even for a single-file artifact."),
                      OptionSpec("replica", valueName: "location",
                                 help: "Pull from the geo-replica in this location (it shares the registry's key).")],
            arguments: [ArgumentSpec("registry", help: "The registry name."),
                        ArgumentSpec("reference", help: "<repository>:<tag> or <repository>@sha256:<digest>."),
                        ArgumentSpec("dest", help: "The file or OCI image layout directory to write.")],
            examples: ["acrcmk pull reg1cmk samples/hello:v1 ./hello-copy.txt",
                       "acrcmk pull reg1cmk library/alpine:3 ./alpine-copy && skopeo inspect oci:./alpine-copy:3"],
            handler: { context in
                let registry = context.arguments.positional("registry")!
                let reference = try ImageReference(parsing: context.arguments.positional("reference")!)
                var destination = context.arguments.positional("dest")!
                let replica = try context.arguments.string("replica").map { try requireReplica($0, of: registry, context) }
                let transfer = try ContentTransfer(context: context)
                let plan = try transfer.plan(registry: registry, repository: reference.repository,
                                             reference: reference, action: "pulled")
                let root = plan.roots[0].descriptor
                if !context.arguments.flag("oci"), let artifact = try transfer.fileArtifact(plan) {
                    var isDirectory: ObjCBool = false
                    if FileManager.default.fileExists(atPath: destination, isDirectory: &isDirectory),
                       isDirectory.boolValue {
                        destination += "/" + artifact.title
                    }
                    try transfer.writeFile(artifact.layer, keys: plan.keys, to: destination)
                } else {
                    try transfer.writeLayout(plan, to: destination)
                }
                let value: JSONValue = [
                    "registry": .string(registry), "reference": .string(reference.description),
                    "digest": .string(root.digest), "mediaType": .string(root.mediaType),
                    "destination": .string(destination), "objects": .number(Double(plan.objects.count)),
                ]
                let source = replica.map { "\(registry).\($0).data.azurecr.io" } ?? "\(registry).azurecr.io"
                return CommandOutput(value: value, text: "Pulled \(source)/\(reference)@\(root.digest) to \(destination)")
            })
    }

    /// The location of a registry's replica, or a clear error naming the replicas it has.
    static func requireReplica(_ location: String, of registry: String, _ context: CommandContext) throws -> String {
        try context.perform { session in
            let found = try session.requireRegistry(registry)
            let wanted = location.lowercased().replacingOccurrences(of: " ", with: "")
            if found.location == wanted { return found.location }
            guard let replica = found.replications.first(where: { $0.location == wanted || $0.name.lowercased() == wanted })
            else {
                let known = ([found.location] + found.replications.map(\.location)).joined(separator: ", ")
                throw CMKError(.notFound, code: "ReplicationNotFound", "Registry '\(found.name)' has no replica in "
                    + "'\(location)'. Its locations: \(known).",
                    hint: "az acr replication create --registry \(found.name) --location \(wanted)")
            }
            return replica.location
        }
    }

    static var importLayout: CommandSpec {
        CommandSpec(
            "import",
            abstract: "Import every tag of an OCI image layout into a repository (the counterpart of export).",
            discussion: "Reads index.json and its blobs, verifies every digest, seals everything with the registry's "
                + "keys and records all tags in one commit. `export` from one registry then `import` into another "
                + "moves a repository, e.g. to a new registry before a compromised key is destroyed.",
            options: [OptionSpec("repository", valueName: "name", help: "The repository to import into.", required: true)],
            arguments: [ArgumentSpec("registry", help: "The registry name."),
                        ArgumentSpec("layout", help: "The OCI image layout directory.")],
            examples: ["acrcmk export oldreg --repository app --output ./app-export && "
                       + "acrcmk import newreg ./app-export --repository app"],
            handler: { context in
                let registry = context.arguments.positional("registry")!
                let path = context.arguments.positional("layout")!
                let repository = context.required("repository")
                let transfer = try ContentTransfer(context: context)
                let imported = try transfer.importLayout(registry: registry, repository: repository, path: path)
                let value: JSONValue = [
                    "registry": .string(registry), "repository": .string(repository),
                    "tags": .array(imported.map { ["tag": .string($0.tag), "digest": .string($0.digest)] }),
                ]
                return CommandOutput(value: value, text: "Imported \(imported.count) tag(s) into \(registry).azurecr.io/"
                                     + "\(repository): " + imported.map(\.tag).joined(separator: ", "))
            })
    }

    static var export: CommandSpec {
        CommandSpec(
            "export",
            abstract: "Export every tag of a repository as an OCI image layout (e.g. before destroying a key).",
            discussion: "The layout is written whole or not at all; skopeo and umoci read it: "
                + "skopeo inspect oci:DIR:TAG.",
            options: [OptionSpec("repository", valueName: "name", help: "The repository to export.", required: true),
                      OptionSpec("output", valueName: "dir", help: "The directory to create.", required: true)],
            arguments: [ArgumentSpec("registry", help: "The registry name.")],
            examples: ["acrcmk export reg1cmk --repository library/alpine --output ./alpine-export"],
            handler: { context in
                let registry = context.arguments.positional("registry")!
                let repository = context.required("repository")
                let output = context.required("output")
                let transfer = try ContentTransfer(context: context)
                let plan = try transfer.plan(registry: registry, repository: repository, reference: nil,
                                             action: "exported")
                try transfer.writeLayout(plan, to: output)
                let tags = plan.roots.compactMap(\.tag)
                let value: JSONValue = [
                    "registry": .string(registry), "repository": .string(repository), "output": .string(output),
                    "tags": .array(tags.map(JSONValue.string)), "objects": .number(Double(plan.objects.count)),
                ]
                return CommandOutput(value: value, text: "Exported \(repository) (\(tags.count) tags: "
                                     + "\(tags.joined(separator: ", "))) to \(output)")
            })
    }

    static var fsck: CommandSpec {
        CommandSpec(
            "fsck",
            abstract: "Verify every sealed object (decrypt and re-hash) and find orphans.",
            discussion: """
            Objects of a registry whose key cannot be unwrapped now are reported as unverifiable, not damaged.
            Orphans are sealed files no index row names (a push killed midway), rows of deleted registries and
            stale temporary files; --repair removes them. Damaged or missing objects are never removed.
            Exit status: 0 when nothing is damaged or missing, 1 otherwise.
            """,
            options: [OptionSpec.flag("repair", help: "Remove orphaned files, stale temporary files and rows of "
                                          + "deleted registries.")],
            handler: { context in
                try FileSystemCheck(transfer: try ContentTransfer(context: context),
                                    repair: context.arguments.flag("repair")).run()
            })
    }
}
