import CMKCore
import Foundation
import JSON

extension RegistryEndpoint {
    func tags(_ request: HTTPRequest, name: String) throws -> HTTPResponse {
        let access = try access(request, name: name, action: .pull)
        let tags: [ContentTagRecord] = try homes.withHome { home in
            let content = RegistryContent(home: home)
            do {
                return try content.tags(in: access.registry.name, repository: access.repository)
            } catch let error as CMKError where error.code == .repositoryNotFound || error.code == .nameUnknown {
                throw DistributionError(404, "NAME_UNKNOWN", "repository name not known to registry: "
                                            + "'\(access.addressedName)'")
            }
        }
        let page = try Paging(request).apply(tags.map(\.name).sorted())
        var response = HTTPResponse.json(.object(JSONObject([
            ("name", .string(access.addressedName)), ("tags", .array(page.items.map { .string($0) })),
        ])))
        if let last = page.nextLast {
            response.setHeader("Link", "</v2/\(name)/tags/list?n=\(page.limit!)&last=\(Paging.escape(last))>; "
                                   + "rel=\"next\"")
        }
        return response
    }

    func manifest(_ request: HTTPRequest, name: String, reference: String) throws -> HTTPResponse {
        let access = try access(request, name: name, action: .pull)
        let manifest = try homes.withHome { home in
            try RegistryContent(home: home).manifest(registry: access.registry.name, repository: access.repository,
                                                     reference: reference)
        }
        return HTTPResponse(status: 200, headers: [
            ("Content-Type", manifest.record.mediaType), ("Docker-Content-Digest", manifest.record.digest),
            ("ETag", "\"\(manifest.record.digest)\""),
        ], body: .bytes(manifest.bytes))
    }

    func blob(_ request: HTTPRequest, name: String, digest: String) throws -> HTTPResponse {
        guard ContentDigest.isValid(digest) else { throw DistributionError.digestInvalid(digest) }
        let access = try access(request, name: name, action: .pull)
        let home = try homes.borrow()
        let (blob, keys): (ContentBlobRecord, ContentKeys)
        do {
            let content = RegistryContent(home: home)
            (blob, keys) = try content.blob(registry: access.registry.name, digest: digest)
        } catch {
            homes.giveBack(home)
            throw error
        }
        let size = blob.object.size
        var range: ClosedRange<Int64>?
        if let header = request.header("range") {
            guard let parsed = ByteRange.parse(header, size: size) else {
                homes.giveBack(home)
                var error = DistributionError(416, "SIZE_INVALID", "range not satisfiable: the range '\(header)' is not satisfiable for a "
                                                  + "blob of \(size) bytes.")
                error.headers = [("Content-Range", "bytes */\(size)")]
                throw error
            }
            range = parsed
        }
        var headers: [(name: String, value: String)] = [
            ("Content-Type", "application/octet-stream"), ("Docker-Content-Digest", blob.object.digest),
            ("Accept-Ranges", "bytes"), ("ETag", "\"\(blob.object.digest)\""),
        ]
        if request.method == "HEAD" {
            homes.giveBack(home)
            return HTTPResponse(status: 200, headers: headers, body: .stream(length: size, EmptyProducer()))
        }
        let object = blob.object
        let homes = self.homes
        let producer = SealedBlobProducer(range: range) { consume in
            defer { homes.giveBack(home) }
            try home.content.open(object, keys: keys, progress: nil, consume: consume)
        }
        if let range {
            headers.append(("Content-Range", "bytes \(range.lowerBound)-\(range.upperBound)/\(size)"))
            return HTTPResponse(status: 206, headers: headers,
                                body: .stream(length: range.upperBound - range.lowerBound + 1, producer))
        }
        return HTTPResponse(status: 200, headers: headers, body: .stream(length: size, producer))
    }

    func referrers(_ request: HTTPRequest, name: String, digest: String) throws -> HTTPResponse {
        guard ContentDigest.isValid(digest) else { throw DistributionError.digestInvalid(digest) }
        let access = try access(request, name: name, action: .pull)
        let artifactType = request.queryValue("artifactType")
        let found = try homes.withHome { home in
            try RegistryContent(home: home).referrers(registry: access.registry.name, repository: access.repository,
                                                      digest: digest, artifactType: artifactType)
        }
        let index = JSONValue.object(JSONObject([
            ("schemaVersion", .number(2)), ("mediaType", .string(OCIMediaType.imageIndex)),
            ("manifests", .array(found.map { descriptor in
                var fields: [(String, JSONValue)] = [
                    ("mediaType", .string(descriptor.mediaType)), ("digest", .string(descriptor.digest)),
                    ("size", .number(Double(descriptor.size))),
                ]
                if let type = descriptor.artifactType { fields.append(("artifactType", .string(type))) }
                if let annotations = descriptor.annotations, !annotations.isEmpty {
                    fields.append(("annotations", .object(JSONObject(annotations.sorted { $0.key < $1.key }
                        .map { ($0.key, JSONValue.string($0.value)) }))))
                }
                return .object(JSONObject(fields))
            })),
        ]))
        var response = HTTPResponse.json(index, contentType: OCIMediaType.imageIndex)
        if artifactType != nil {
            response.setHeader("OCI-Filters-Applied", "artifactType")
        }
        return response
    }
}

/// A HEAD response's body: its length is announced, no byte is sent.
final class EmptyProducer: ResponseProducer {
    func produce(into buffer: UnsafeMutableRawBufferPointer) throws -> Int { 0 }
    func close() {}
}

/// One `Range: bytes=a-b` (or `a-`, or `-n`) within a body of `size` bytes.
enum ByteRange {
    static func parse(_ header: String, size: Int64) -> ClosedRange<Int64>? {
        let text = header.trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix("bytes="), !text.contains(","), size > 0 else { return nil }
        let spec = text.dropFirst(6)
        guard let dash = spec.firstIndex(of: "-") else { return nil }
        let first = spec[..<dash].trimmingCharacters(in: .whitespaces)
        let last = spec[spec.index(after: dash)...].trimmingCharacters(in: .whitespaces)
        if first.isEmpty {
            guard let suffix = Int64(last), suffix > 0 else { return nil }
            return max(0, size - suffix)...(size - 1)
        }
        guard let start = Int64(first), start >= 0, start < size else { return nil }
        if last.isEmpty { return start...(size - 1) }
        guard let end = Int64(last), end >= start else { return nil }
        return start...min(end, size - 1)
    }
}
