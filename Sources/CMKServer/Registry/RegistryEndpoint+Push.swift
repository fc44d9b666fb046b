import CMKCore
import Foundation

extension RegistryEndpoint {
    // MARK: Manifests

    func putManifest(_ request: HTTPRequest, name: String, reference: String) throws -> HTTPExchange {
        let access = try access(request, name: name, action: .push)
        return .receive(CollectedBody(limit: RegistryContent.manifestLimit, answer: { [self] bytes in
            do {
                let result = try homes.withHome { home in
                    try RegistryContent(home: home).putManifest(
                        bytes, mediaType: request.header("content-type"), registry: access.registry.name,
                        repository: access.repository, reference: reference)
                }
                var response = HTTPResponse(status: 201, headers: [
                    ("Location", "/v2/\(name)/manifests/\(result.digest)"), ("Docker-Content-Digest", result.digest),
                ])
                if let subject = result.subject {
                    response.setHeader("OCI-Subject", subject)
                }
                return response
            } catch {
                return Self.response(for: error, request: request, route: .manifest(name: name, reference: reference))
            }
        }, refuse: { error in
            Self.response(for: error, request: request, route: .manifest(name: name, reference: reference))
        }))
    }

    func deleteManifest(_ request: HTTPRequest, name: String, reference: String) throws -> HTTPResponse {
        let access = try access(request, name: name, action: .delete)
        try homes.withHome { home in
            let content = RegistryContent(home: home)
            if ContentDigest.isValid(reference) {
                try content.deleteManifest(reference, repository: access.repository, from: access.registry.name)
            } else {
                try content.untag(reference, repository: access.repository, from: access.registry.name)
            }
        }
        return HTTPResponse(status: 202)
    }

    // MARK: Blob uploads

    func startUpload(_ request: HTTPRequest, name: String) throws -> HTTPExchange {
        let access = try access(request, name: name, action: .push)
        if let mount = request.queryValue("mount") {
            guard ContentDigest.isValid(mount) else { throw DistributionError.digestInvalid(mount) }
            let held = try homes.withHome { home in
                try RegistryContent(home: home).hasBlob(registry: access.registry.name, digest: mount)
            }
            if held {
                return .respond(HTTPResponse(status: 201, headers: [
                    ("Location", "/v2/\(name)/blobs/\(mount)"), ("Docker-Content-Digest", mount),
                ]))
            }
        }
        let upload = try newUpload(access)
        if let digest = request.queryValue("digest") {
            // Monolithic: the whole blob is this request's body.
            guard ContentDigest.isValid(digest) else {
                upload.cancel()
                throw DistributionError.digestInvalid(digest)
            }
            return .receive(UploadBody(upload: upload, in: uploads, claimed: false, onFinish: { [self] in
                commit(upload, digest: digest, name: name, request: request)
            }, onFailure: { [self] error in
                uploads.remove(upload.id)
                return Self.response(for: error, request: request, route: .uploads(name: name))
            }))
        }
        uploads.add(upload)
        let accepted = HTTPResponse(status: 202, headers: uploadHeaders(upload, name: name))
        if (request.contentLength ?? 0) > 0 {
            // Some clients send the first chunk with the POST.
            return .receive(UploadBody(upload: upload, in: uploads, claimed: false, onFinish: { [self] in
                HTTPResponse(status: 202, headers: uploadHeaders(upload, name: name))
            }, onFailure: { [self] error in
                uploads.remove(upload.id)
                upload.cancel()
                return Self.response(for: error, request: request, route: .uploads(name: name))
            }))
        }
        return .respond(accepted)
    }

    func patchUpload(_ request: HTTPRequest, name: String, id: String) throws -> HTTPExchange {
        let upload = try claimedUpload(request, name: name, id: id)
        try requireInOrder(request, upload, name: name)
        return .receive(UploadBody(upload: upload, in: uploads, claimed: true, onFinish: { [self] in
            upload.release()
            return HTTPResponse(status: 202, headers: uploadHeaders(upload, name: name))
        }, onFailure: { [self] error in
            uploads.remove(upload.id)
            upload.cancel()
            return Self.response(for: error, request: request, route: .upload(name: name, id: id))
        }))
    }

    func finishUpload(_ request: HTTPRequest, name: String, id: String) throws -> HTTPExchange {
        guard let digest = request.queryValue("digest") else {
            throw DistributionError(400, "DIGEST_INVALID", "Finish an upload with PUT ...?digest=<digest>.")
        }
        let upload = try claimedUpload(request, name: name, id: id)
        guard ContentDigest.isValid(digest) else {
            upload.release()
            throw DistributionError.digestInvalid(digest)
        }
        try requireInOrder(request, upload, name: name)
        return .receive(UploadBody(upload: upload, in: uploads, claimed: true, onFinish: { [self] in
            commit(upload, digest: digest, name: name, request: request)
        }, onFailure: { [self] error in
            uploads.remove(upload.id)
            upload.cancel()
            return Self.response(for: error, request: request, route: .upload(name: name, id: id))
        }))
    }

    func uploadStatus(_ request: HTTPRequest, name: String, id: String) throws -> HTTPResponse {
        let upload = try knownUpload(request, name: name, id: id, action: .push)
        return HTTPResponse(status: 204, headers: uploadHeaders(upload, name: name))
    }

    func cancelUpload(_ request: HTTPRequest, name: String, id: String) throws -> HTTPResponse {
        let upload = try knownUpload(request, name: name, id: id, action: .push)
        uploads.remove(upload.id)
        upload.cancel()
        return HTTPResponse(status: 204)
    }

    // MARK: Helpers

    private func newUpload(_ access: Access) throws -> BlobUpload {
        let home = try homes.borrow()
        let keys: ContentKeys
        do {
            keys = try self.keys(RegistryContent(home: home), registry: access.registry.name, action: "pushed")
        } catch {
            homes.giveBack(home)
            throw error
        }
        let homes = self.homes
        return BlobUpload(registry: access.registry.name, addressedName: access.addressedName) { read in
            defer { homes.giveBack(home) }
            return try RegistryContent(home: home).sealBlob(keys: keys, read: read)
        }
    }

    private func knownUpload(_ request: HTTPRequest, name: String, id: String,
                             action: RegistryAction) throws -> BlobUpload {
        _ = try access(request, name: name, action: action)
        guard let upload = uploads.find(id), upload.addressedName == name else {
            throw DistributionError(404, "BLOB_UPLOAD_UNKNOWN", "blob upload unknown to registry: '\(id)' (it "
                                        + "finished, was cancelled, or was idle for more than "
                                        + "\(Int(uploads.idleTimeout)) seconds).")
        }
        return upload
    }

    private func claimedUpload(_ request: HTTPRequest, name: String, id: String) throws -> BlobUpload {
        let upload = try knownUpload(request, name: name, id: id, action: .push)
        guard upload.claim() else {
            throw DistributionError(409, "BLOB_UPLOAD_INVALID", "Another request is writing to upload '\(id)'.")
        }
        return upload
    }

    private func commit(_ upload: BlobUpload, digest: String, name: String, request: HTTPRequest) -> HTTPResponse {
        uploads.remove(upload.id)
        do {
            let object = try upload.finish()
            try homes.withHome { home in
                try RegistryContent(home: home).commitBlob(object, declaredDigest: digest, registry: upload.registry)
            }
            return HTTPResponse(status: 201, headers: [
                ("Location", "/v2/\(name)/blobs/\(digest)"), ("Docker-Content-Digest", digest),
            ])
        } catch {
            return Self.response(for: error, request: request, route: .uploads(name: name))
        }
    }

    /// A chunk (`PATCH`, or the last one with `PUT`) must start where the upload ends: 416 otherwise.
    private func requireInOrder(_ request: HTTPRequest, _ upload: BlobUpload, name: String) throws {
        guard let range = request.header("content-range") else { return }
        guard let start = Self.rangeStart(range), start == upload.received else {
            upload.release()
            var error = DistributionError(416, "BLOB_UPLOAD_INVALID", "The chunk starts at '\(range)' but the "
                                              + "upload has \(upload.received) bytes; send chunks in order.")
            error.headers = uploadHeaders(upload, name: name)
            throw error
        }
    }

    func uploadHeaders(_ upload: BlobUpload, name: String) -> [(name: String, value: String)] {
        let received = upload.received
        return [
            ("Location", "/v2/\(name)/blobs/uploads/\(upload.id)"), ("Docker-Upload-UUID", upload.id),
            ("Range", "0-\(max(received - 1, 0))"), ("Content-Length", "0"),
        ]
    }

    /// The first byte of `Content-Range: <start>-<end>` (also accepting a `bytes ` prefix).
    static func rangeStart(_ header: String) -> Int64? {
        var text = header.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("bytes ") { text = String(text.dropFirst(6)) }
        guard let dash = text.firstIndex(of: "-"), let start = Int64(text[..<dash]),
              let end = Int64(text[text.index(after: dash)...].split(separator: "/").first ?? ""), end >= start - 1
        else { return nil }
        return start
    }
}

/// A request body that goes into an upload.
final class UploadBody: RequestBodyReceiver {
    private let upload: BlobUpload
    private let uploads: BlobUploads
    private let onFinish: () -> HTTPResponse
    private let onFailure: (Error) -> HTTPResponse
    private var done = false

    init(upload: BlobUpload, in uploads: BlobUploads, claimed: Bool, onFinish: @escaping () -> HTTPResponse,
         onFailure: @escaping (Error) -> HTTPResponse) {
        self.upload = upload
        self.uploads = uploads
        self.onFinish = onFinish
        self.onFailure = onFailure
        if !claimed { _ = upload.claim() }
    }

    func receive(_ bytes: UnsafeRawBufferPointer) throws {
        try upload.append(bytes)
    }

    func finish() -> HTTPResponse {
        done = true
        return onFinish()
    }

    func abandon() {
        guard !done else { return }
        done = true
        // A body cut off midway leaves the upload unusable (how many of its bytes arrived is unknowable to the
        // client): it ends here, and later requests for it get BLOB_UPLOAD_UNKNOWN.
        uploads.remove(upload.id)
        upload.cancel()
        upload.release()
    }

    func failure(_ error: Error) -> HTTPResponse {
        done = true
        return onFailure(error)
    }
}
