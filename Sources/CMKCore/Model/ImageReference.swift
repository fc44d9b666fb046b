/// `repository:tag` or `repository@sha256:…`, as given to push and pull.
public struct ImageReference: Sendable, Equatable, CustomStringConvertible {
    public var repository: String
    public var tag: String?
    public var digest: String?

    public init(repository: String, tag: String?, digest: String? = nil) {
        self.repository = repository
        self.tag = tag
        self.digest = digest
    }

    /// Parses a reference; a bare repository means the tag `latest`.
    ///
    /// - Throws: `CMKError` (usage) naming the rule the text breaks.
    public init(parsing text: String) throws {
        var rest = Substring(text)
        if let at = rest.firstIndex(of: "@") {
            let digest = String(rest[rest.index(after: at)...])
            guard ContentDigest.isValid(digest) else {
                throw CMKError.usage("'\(digest)' in '\(text)' is not a sha256 digest.")
            }
            self.digest = digest
            rest = rest[..<at]
        }
        if let colon = rest.lastIndex(of: ":"), !rest[colon...].contains("/") {
            tag = String(rest[rest.index(after: colon)...])
            rest = rest[..<colon]
        } else if digest == nil {
            tag = "latest"
        }
        repository = String(rest)
        if let host = registryHost {
            // Host names are case-insensitive; the repository after them is not.
            repository = host.lowercased() + repository.dropFirst(host.count)
        }
        guard ImageReference.isValidRepository(repository) else {
            throw CMKError.usage("'\(repository)' is not a valid repository name: use lowercase letters, digits and "
                                     + "separators (. _ - /), e.g. 'team/app'.")
        }
        if let tag, !ImageReference.isValidTag(tag) {
            throw CMKError.usage("'\(tag)' is not a valid tag: use up to 128 letters, digits, '_', '.' or '-', "
                                     + "not starting with '.' or '-'.")
        }
    }

    /// The registry host the reference starts with, as docker reads one: a first path component holding a `.` or
    /// a `:`, or `localhost` (`myreg.azurecr.io/app:v1`); `nil` for a reference relative to a registry.
    public var registryHost: String? {
        let parts = repository.split(separator: "/", maxSplits: 1)
        guard parts.count == 2, let first = parts.first,
              first.contains(".") || first.contains(":") || first == "localhost" else { return nil }
        return String(first)
    }

    /// The reference relative to `registry`: a full reference to that registry's login server
    /// (`<registry>.azurecr.io/app:v1`) loses its host, as docker would push it there; a reference naming another
    /// registry is refused, as pushing it would create a repository named after that host.
    ///
    /// - Throws: `CMKError` (usage) naming both registries.
    public func relative(to registry: String) throws -> ImageReference {
        guard let host = registryHost else { return self }
        let loginServer = "\(registry.lowercased()).azurecr.io"
        guard host.lowercased() == loginServer else {
            throw CMKError.usage(
                "'\(self)' names the registry '\(host)', not '\(loginServer)': the reference is for another registry.",
                hint: "Give the repository relative to the registry ('\(repository.dropFirst(host.count + 1))"
                    + "\(tag.map { ":" + $0 } ?? "")'), or the registry the reference names.")
        }
        var relative = self
        relative.repository = String(repository.dropFirst(host.count + 1))
        return relative
    }

    public var description: String {
        repository + (tag.map { ":" + $0 } ?? "") + (digest.map { "@" + $0 } ?? "")
    }

    /// True for a repository name of the distribution spec: lowercase components separated by `/`.
    public static func isValidRepository(_ name: String) -> Bool {
        guard !name.isEmpty, name.count <= 256 else { return false }
        return name.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { component in
            guard let first = component.first, let last = component.last,
                  first.isLowercaseAlphanumeric, last.isLowercaseAlphanumeric else { return false }
            var previousWasSeparator = false
            for character in component {
                if character.isLowercaseAlphanumeric {
                    previousWasSeparator = false
                } else if "._-".contains(character) {
                    // "__" is allowed by the distribution spec; other doubled separators are not.
                    if previousWasSeparator && character != "_" && character != "-" { return false }
                    previousWasSeparator = true
                } else {
                    return false
                }
            }
            return true
        }
    }

    /// True for a tag of the distribution spec: up to 128 characters, not starting with `.` or `-`.
    public static func isValidTag(_ tag: String) -> Bool {
        guard let first = tag.first, tag.count <= 128, first != ".", first != "-" else { return false }
        return tag.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) }
    }
}

extension Character {
    fileprivate var isLowercaseAlphanumeric: Bool {
        isASCII && (isNumber || (isLetter && isLowercase))
    }
}
