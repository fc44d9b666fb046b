import CMKCore
import Foundation
import JMESPath

/// acrcmk's own content commands: `push`, `pull`, `import`, `export` and `fsck`. Each parses its arguments, calls
/// CMKCore's `RegistryContent` and presents the typed result.
enum ContentCommands {
    static var specs: [CommandSpec] {
        [push, pull, importLayout, export, fsck]
    }

    static let registry = Argument<String>(
        "registry", help: "The registry name; or give it anywhere as -r/--registry <name>.").alsoAsOption(short: "r")

    /// The arguments of `push`.
    enum Push {
        static let reference = Argument<ImageReference>("reference", help: "<repository>:<tag>, e.g. team/app:1.0.")
        static let path = Argument<String>("path", help: "A file, or an OCI image layout directory.")
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
            arguments: [registry, Push.reference, Push.path],
            examples: ["acrcmk push reg1cmk samples/hello:v1 ./hello.txt",
                       "acrcmk push reg1cmk library/alpine:3 ./alpine-oci"],
            handler: { context in
                let reference = context[Push.reference]
                let result = try context.registryContent().push(
                    path: context[Push.path], files: try context.localFiles(), to: context[registry], as: reference,
                    observer: TransferProgress(context: context, operation: "push"))
                let value: JSONValue = [
                    "registry": .string(result.registry), "repository": .string(result.repository),
                    "tag": .string(result.tag), "digest": .string(result.digest),
                    "mediaType": .string(result.mediaType), "size": .number(Double(result.size)),
                    "objects": .number(Double(result.objects)), "sealedBytes": .number(Double(result.sealedBytes)),
                ]
                return CommandOutput(value: value, text: "Pushed \(result.registry).azurecr.io/"
                                     + "\(result.repository):\(result.tag)@"
                                     + "\(result.digest) (\(result.objects) objects, \(result.sealedBytes) bytes of "
                                     + "content sealed)")
            })
    }

    /// The options and arguments of `pull`.
    enum Pull {
        static let oci = Option<Bool>(flag: "oci", help: "Write an OCI image layout even for a single-file artifact.")
        static let replica = Option<String?>(
            "replica", valueName: "location",
            help: "Pull from the geo-replica in this location (it shares the registry's key).")
        static let reference = Argument<ImageReference>(
            "reference", help: "<repository>:<tag> or <repository>@sha256:<digest>.")
        static let dest = Argument<String>("dest", help: "The file or OCI image layout directory to write.")
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
            options: [Pull.oci, Pull.replica],
            arguments: [registry, Pull.reference, Pull.dest],
            examples: ["acrcmk pull reg1cmk samples/hello:v1 ./hello-copy.txt",
                       "acrcmk pull reg1cmk library/alpine:3 ./alpine-copy && skopeo inspect oci:./alpine-copy:3"],
            handler: { context in
                let result = try context.registryContent().pull(
                    context[Pull.reference], from: context[registry], replica: context[Pull.replica], to: context[Pull.dest],
                    format: context[Pull.oci] ? .imageLayout : .automatic, files: try context.localFiles(),
                    observer: TransferProgress(context: context, operation: "pull"))
                let value: JSONValue = [
                    "registry": .string(result.registry), "reference": .string(result.reference.description),
                    "digest": .string(result.digest), "mediaType": .string(result.mediaType),
                    "destination": .string(result.destination), "objects": .number(Double(result.objects)),
                ]
                let source = result.replicaLocation.map { "\(result.registry).\($0).data.azurecr.io" }
                    ?? "\(result.registry).azurecr.io"
                return CommandOutput(value: value, text: "Pulled \(source)/\(result.reference)@\(result.digest) to "
                                     + result.destination)
            })
    }

    /// The options and arguments of `import`.
    enum Import {
        static let repository = Option<String>(
            "repository", valueName: "name", help: "The repository to import into.")
        static let layout = Argument<String>("layout", help: "The OCI image layout directory.")
    }

    static var importLayout: CommandSpec {
        CommandSpec(
            "import",
            abstract: "Import every tag of an OCI image layout into a repository (the counterpart of export).",
            discussion: "Reads index.json and its blobs, verifies every digest, seals everything with the registry's "
                + "keys and records all tags in one commit. `export` from one registry then `import` into another "
                + "moves a repository, e.g. to a new registry before a compromised key is destroyed.",
            options: [Import.repository],
            arguments: [registry, Import.layout],
            examples: ["acrcmk export oldreg --repository app --dest ./app-export && "
                       + "acrcmk import newreg ./app-export --repository app"],
            handler: { context in
                let result = try context.registryContent().importLayout(
                    path: context[Import.layout], files: try context.localFiles(),
                    into: context[registry], repository: context[Import.repository],
                    observer: TransferProgress(context: context, operation: "import"))
                let value: JSONValue = [
                    "registry": .string(result.registry), "repository": .string(result.repository),
                    "tags": .array(result.tags.map { ["tag": .string($0.tag), "digest": .string($0.digest)] }),
                ]
                return CommandOutput(value: value, text: "Imported \(plural(result.tags.count, "tag", "tags")) into "
                                     + "\(result.registry).azurecr.io/\(result.repository): "
                                     + result.tags.map(\.tag).joined(separator: ", "))
            })
    }

    /// The options of `export`.
    enum Export {
        static let repository = Option<String>("repository", valueName: "name", help: "The repository to export.")
        /// Not `--output`: that is the global output format (`-o json`), which export honours as every command does.
        static let dest = Option<String>(
            "dest", valueName: "dir", help: "The directory to create (new, or an empty folder).")
    }

    static var export: CommandSpec {
        CommandSpec(
            "export",
            abstract: "Export every tag of a repository as an OCI image layout (e.g. before destroying a key).",
            discussion: "The layout is written whole or not at all; skopeo and umoci read it: "
                + "skopeo inspect oci:DIR:TAG.",
            options: [Export.repository, Export.dest],
            arguments: [registry],
            examples: ["acrcmk export reg1cmk --repository library/alpine --dest ./alpine-export"],
            handler: { context in
                let result = try context.registryContent().export(
                    repository: context[Export.repository], from: context[registry],
                    to: context[Export.dest], files: try context.localFiles(),
                    observer: TransferProgress(context: context, operation: "export"))
                let value: JSONValue = [
                    "registry": .string(result.registry), "repository": .string(result.repository),
                    "output": .string(result.destination), "tags": .array(result.tags.map(JSONValue.string)),
                    "objects": .number(Double(result.objects)),
                ]
                return CommandOutput(value: value, text: "Exported \(result.repository) (\(plural(result.tags.count, "tag", "tags")): "
                                     + "\(result.tags.joined(separator: ", "))) to \(result.destination)")
            })
    }

    static let repair = Option<Bool>(
        flag: "repair", help: "Remove orphaned files, stale temporary files and rows of deleted registries.")

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
            options: [repair],
            handler: { context in
                let report = try context.registryContent().check(
                    repair: context[Self.repair], now: Date(),
                    observer: TransferProgress(context: context, operation: "fsck"))
                return ContentCheckPresenter.output(report)
            })
    }
}
