import CMKCore
import Foundation
import JSON

extension Array where Element == String {
    /// The first two elements (empty strings where missing).
    fileprivate var pair: (String, String) { (first ?? "", count > 1 ? self[1] : "") }
}

/// A drill's push, pull and list probes through a real client (skopeo or podman) against `acrcmk serve`.
///
/// The probe travels as a one-layer image whose layer is a tar holding `probe.bin` (podman unpacks layers, so it
/// must be a real tar; `tar` makes and reads it). A client's refusal becomes `ClientRefused` with the client's own
/// error text, which the drill report shows.
struct ProcessDrillClient: DrillRegistryClient {
    enum Kind: String, CaseIterable, ExpressibleByArgument {
        case acrcmk, skopeo, podman
    }

    let kind: Kind
    /// `127.0.0.1:<port>` of the server.
    let host: String
    /// `user:password` for the registry.
    let credentials: String
    /// A private folder for layouts and podman's storage; removed by the caller.
    let folder: URL

    var name: String { kind.rawValue }

    func push(_ bytes: [UInt8], registry: String, repository: String, tag: String) throws {
        let layout = try writeLayout(bytes)
        let target = "docker://\(host)/\(registry)/\(repository):\(tag)"
        switch kind {
        case .podman:
            let loaded = try run("podman", podman + ["pull", "-q", "oci:\(layout):probe"], "load the probe image")
            let image = String(decoding: loaded, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            _ = try run("podman", podman + ["push", "--tls-verify=false", "--authfile", try podmanLogin(), image,
                                            target], "push")
        default:
            _ = try run("skopeo", ["copy", "--quiet", "--dest-tls-verify=false", "--dest-creds", credentials,
                                   "oci:\(layout):probe", target], "push")
        }
    }

    func pull(registry: String, repository: String, tag: String) throws -> [UInt8] {
        let source = "\(host)/\(registry)/\(repository):\(tag)"
        let layout = folder.appendingPathComponent("pulled-\(UUID().uuidString.lowercased())").path
        switch kind {
        case .podman:
            _ = try run("podman", podman + ["pull", "-q", "--tls-verify=false", "--authfile", try podmanLogin(), source],
                        "pull")
            _ = try run("podman", podman + ["save", "--format", "oci-dir", "-o", layout, source], "save the pulled image")
        default:
            _ = try run("skopeo", ["copy", "--quiet", "--src-tls-verify=false", "--src-creds", credentials,
                                   "docker://\(source)", "oci:\(layout):probe"], "pull")
        }
        return try probeFile(inLayout: layout)
    }

    func listTags(registry: String, repository: String) throws -> [String] {
        let output: [UInt8]
        switch kind {
        case .podman:
            output = try run("podman", podman + ["search", "--list-tags", "--format", "{{.Tag}}", "--tls-verify=false",
                                                 "--authfile", try podmanLogin(), "\(host)/\(registry)/\(repository)"],
                             "list tags")
        default:
            output = try run("skopeo", ["list-tags", "--tls-verify=false", "--creds", credentials,
                                        "docker://\(host)/\(registry)/\(repository)"], "list tags")
        }
        return String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    // MARK: The probe image

    /// podman's storage: private to the drill (vfs needs no privileges); its runroot path must be short.
    private var podman: [String] {
        ["--root", folder.appendingPathComponent("podman").path, "--runroot",
         "/tmp/acrcmk-drill-\(abs(folder.path.hashValue) % 1_000_000)", "--storage-driver", "vfs"]
    }

    /// `podman login` once (search has no `--creds`); returns the auth file every podman call then uses.
    private func podmanLogin() throws -> String {
        let authFile = folder.appendingPathComponent("auth.json").path
        if !FileManager.default.fileExists(atPath: authFile) {
            let (user, password) = credentials.split(separator: ":", maxSplits: 1).map(String.init).pair
            _ = try run("podman", podman + ["login", "--tls-verify=false", "--authfile", authFile, "-u", user, "-p",
                                            password, host], "login")
        }
        return authFile
    }

    /// An OCI image layout tagged `probe` with one tar layer holding `probe.bin`.
    private func writeLayout(_ bytes: [UInt8]) throws -> String {
        let root = folder.appendingPathComponent("probe-\(UUID().uuidString.lowercased())")
        let staging = root.appendingPathComponent("staging")
        let blobs = root.appendingPathComponent("layout/blobs/sha256")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: blobs, withIntermediateDirectories: true)
        try Data(bytes).write(to: staging.appendingPathComponent("probe.bin"))
        let tarPath = root.appendingPathComponent("layer.tar").path
        _ = try run("tar", ["-cf", tarPath, "-C", staging.path, "probe.bin"], "make the probe layer")
        let layer = try Self.contents(of: URL(fileURLWithPath: tarPath))
        func store(_ blob: [UInt8]) throws -> (digest: String, size: Int) {
            let digest = ContentDigest.of(blob)
            try Data(blob).write(to: blobs.appendingPathComponent(ContentDigest.hex(digest)))
            return (digest, blob.count)
        }
        let layerBlob = try store(layer)
        let config = try store(Array(JSONValue.object(JSONObject([
            ("architecture", .string("amd64")), ("os", .string("linux")),
            ("rootfs", .object(JSONObject([("type", .string("layers")),
                                           ("diff_ids", .array([.string(layerBlob.digest)]))]))),
        ])).serialized(.compact).utf8))
        func descriptor(_ mediaType: String, _ blob: (digest: String, size: Int)) -> JSONValue {
            .object(JSONObject([("mediaType", .string(mediaType)), ("digest", .string(blob.digest)),
                                ("size", .number(Double(blob.size)))]))
        }
        let manifest = try store(Array(JSONValue.object(JSONObject([
            ("schemaVersion", .number(2)), ("mediaType", .string(OCIMediaType.imageManifest)),
            ("config", descriptor("application/vnd.oci.image.config.v1+json", config)),
            ("layers", .array([descriptor("application/vnd.oci.image.layer.v1.tar", layerBlob)])),
        ])).serialized(.compact).utf8))
        var index = descriptor(OCIMediaType.imageManifest, manifest)
        if case .object(var fields) = index {
            fields["annotations"] = .object(JSONObject([(OCIMediaType.refNameAnnotation, .string("probe"))]))
            index = .object(fields)
        }
        let layout = root.appendingPathComponent("layout")
        try Data(JSONValue.object(JSONObject([("schemaVersion", .number(2)), ("manifests", .array([index]))]))
            .serialized(.compact).utf8).write(to: layout.appendingPathComponent("index.json"))
        try Data(#"{"imageLayoutVersion":"1.0.0"}"#.utf8).write(to: layout.appendingPathComponent("oci-layout"))
        return layout.path
    }

    /// `probe.bin` of the first image of an OCI layout.
    private func probeFile(inLayout layout: String) throws -> [UInt8] {
        func blob(_ digest: String) throws -> [UInt8] {
            try Self.contents(of: URL(fileURLWithPath: layout + "/blobs/sha256/" + ContentDigest.hex(digest)))
        }
        func digest(_ value: JSONValue?, _ path: String) throws -> String {
            guard case .string(let text)? = value, ContentDigest.isValid(text) else {
                throw CMKError.badRequest(.probeMismatch, "The pulled image has no \(path).")
            }
            return text
        }
        let index = try JSONValue.parse(bytes: try Self.contents(of: URL(fileURLWithPath: layout + "/index.json")))
        func first(_ value: JSONValue?, _ key: String) -> JSONValue? {
            guard case .array(let items)? = value, let item = items.first else { return nil }
            return item[key]
        }
        let manifestDigest = try digest(first(index["manifests"], "digest"), "manifest")
        let manifest = try JSONValue.parse(bytes: try blob(manifestDigest))
        let layerDigest = try digest(first(manifest["layers"], "digest"), "layer")
        let layerPath = layout + "/blobs/sha256/" + ContentDigest.hex(layerDigest)
        return try run("tar", ["-xOf", layerPath, "probe.bin"], "read the pulled probe")
    }

    /// Runs a program; its stdout, or `ClientRefused` with its own error text.
    private func run(_ program: String, _ arguments: [String], _ what: String) throws -> [UInt8] {
        let scratch = folder.appendingPathComponent("process-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out"), err = scratch.appendingPathComponent("err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw CMKError.badRequest(.clientRefused, "\(program) could not be started: \(error)")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            // The client's whole message on one line: a refusal's cause and fix may span several.
            let lines = String(decoding: (try? Self.contents(of: err)) ?? [], as: UTF8.self)
                .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let text = lines.isEmpty ? "exit \(process.terminationStatus)" : lines.joined(separator: " ")
            throw CMKError(.forbidden, code: .clientRefused, "\(program) (\(what)): \(text)")
        }
        return (try? Self.contents(of: out)) ?? []
    }

    /// A file's bytes. Not `Data(contentsOf:)`: in Swift 6.3's Foundation it leaks a 4 KiB buffer for every empty
    /// file it reads (LeakSanitizer found it; a client's output files are often empty).
    private static func contents(of url: URL) throws -> [UInt8] {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        return [UInt8](try handle.readToEnd() ?? Data())
    }
}
