import CMKTestSupport
import Foundation
import Testing

/// Many clients at once, and a server stopped in the middle of an upload.
@Suite(.serialized) struct ServerConcurrencyTests {
    /// 16 skopeo pushes at once (8 sharing a layer), then every image pulled back and compared, and `fsck` clean.
    @Test func sixteenConcurrentPushesAllLandIntact() throws {
        let server = try ServedRegistry()
        let creds = "\(refreshTokenUser):\(try server.refreshToken())"
        let layouts = try (0..<16).map { index in
            try server.makeImage("image\(index)", content: index % 2 == 0 ? "shared layer" : "layer \(index) \(UUID())")
        }
        let results = ResultsBox(count: 16)
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            results.set(index, Result {
                try server.run("skopeo", ["copy", "--dest-tls-verify=false", "--dest-creds", creds,
                                          "oci:\(layouts[index]):v1",
                                          "docker://\(server.host)/servedreg/load/app\(index % 4):t\(index)"])
            })
        }
        for (index, result) in results.values.enumerated() {
            try server.require(try result!.get(), "push \(index)")
        }
        for index in 0..<16 {
            let back = server.folder.appendingPathComponent("back\(index)").path
            try server.require(server.run("skopeo", [
                "copy", "--src-tls-verify=false", "--src-creds", creds,
                "docker://\(server.host)/servedreg/load/app\(index % 4):t\(index)", "oci:\(back):v1",
            ]), "pull \(index)")
            let sent = try server.run("skopeo", ["inspect", "--raw", "oci:\(layouts[index]):v1"]).stdout
            let received = try server.run("skopeo", ["inspect", "--raw", "oci:\(back):v1"]).stdout
            #expect(sent == received && !sent.isEmpty, "image \(index)")
        }
        let fsck = try server.acrcmk("fsck")
        try server.require(fsck, "fsck")
    }

    /// SIGTERM while an upload is half sent: the server exits 0, and nothing of the upload remains (no row, no
    /// temporary object; fsck clean).
    @Test func stoppingDuringAnUploadDiscardsItCleanly() throws {
        let server = try ServedRegistry()
        let token = try server.refreshToken()
        let tokenResponse = try server.run("curl", [
            "-sf", "-u", "\(refreshTokenUser):\(token)",
            "http://\(server.host)/oauth2/token?service=servedreg.azurecr.io&scope=repository:servedreg/app:pull,push",
        ])
        try server.require(tokenResponse)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(tokenResponse.stdout.utf8)) as? [String: Any])
        let bearer = "Authorization: Bearer \(try #require(json["access_token"] as? String))"
        let started = try server.run("curl", ["-si", "-X", "POST", "-H", bearer,
                                              "http://\(server.host)/v2/servedreg/app/blobs/uploads/"])
        let location = try #require(started.stdout.split(separator: "\r\n")
            .first { $0.lowercased().hasPrefix("location:") }.map { $0.dropFirst(9).trimmingCharacters(in: .whitespaces) })
        let chunk = server.folder.appendingPathComponent("chunk")
        try Data(repeating: 7, count: 3 << 20).write(to: chunk)
        try server.require(server.run("curl", ["-sf", "-X", "PATCH", "-H", bearer, "-H", "Content-Range: 0-3145727",
                                               "--data-binary", "@\(chunk.path)", "http://\(server.host)\(location)"]))
        let blobs = server.home.appendingPathComponent("registry/blobs")
        // The upload is being sealed into a temporary object now...
        let inFlight = try FileManager.default.subpathsOfDirectory(atPath: blobs.path).filter { $0.hasPrefix("tmp/") }
        #expect(!inFlight.isEmpty)
        #expect(server.stop() == 0)
        // ...and once the server stopped, nothing of it is left.
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: blobs.path)
            .filter { $0.hasPrefix("tmp/") || $0.contains("partial") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        try server.require(server.acrcmk("fsck"), "fsck")
    }
}

/// Results written by concurrent iterations, each to its own slot.
final class ResultsBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Result<ProcessOutput, Error>?]

    init(count: Int) {
        values = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: Result<ProcessOutput, Error>) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }
}
