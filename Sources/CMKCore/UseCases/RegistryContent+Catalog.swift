/// What a registry holds, as `az acr repository` and `az acr manifest` show it, and repository deletion.
///
/// Reading the index needs the registry's keys (it is sealed with them), so with the key revoked even listing
/// fails, naming the cause; only the counts are readable without keys, like Azure's registry metrics.
extension RegistryContent {
    /// The registry's repositories, sorted by name.
    ///
    /// - Throws: `CMKError`: the vault's denial (e.g. `KeyDisabled`); `ResourceNotFound`.
    public func repositories(in registry: String) throws -> [ContentRepositoryRecord] {
        try store.perform { session in
            try content.repositories(keys: try session.contentKeys(forRegistry: registry, action: "listed"))
        }
    }

    /// The tags of a repository, sorted by name.
    ///
    /// - Throws: `CMKError` (`NAME_UNKNOWN`) for a repository the registry does not hold; as `repositories`.
    public func tags(in registry: String, repository: String) throws -> [ContentTagRecord] {
        try store.perform { session in
            let keys = try session.contentKeys(forRegistry: registry, action: "listed")
            try requireRepository(repository, keys: keys)
            return try content.tags(keys: keys, repository: repository)
        }
    }

    /// The manifests of a repository with their tags, oldest first.
    ///
    /// - Throws: As `tags`.
    public func manifests(in registry: String, repository: String) throws -> [ContentManifestRecord] {
        try store.perform { session in
            let keys = try session.contentKeys(forRegistry: registry, action: "listed")
            try requireRepository(repository, keys: keys)
            return try content.manifests(keys: keys, repository: repository)
        }
    }

    /// Deletes a repository's tags and manifests, and the sealed objects nothing else in the registry references.
    ///
    /// The rows go in one transaction; the objects are removed after it commits (a crash in between leaves
    /// orphans that `fsck` sweeps, never a row naming a missing object).
    ///
    /// - Returns: How many sealed objects were removed.
    /// - Throws: As `tags`.
    @discardableResult
    public func deleteRepository(_ repository: String, from registry: String) throws -> Int {
        let unreferenced = try deleteRepositoryRows(repository, from: registry)
        return try removeUnnamedObjects(unreferenced)
    }

    /// The first half of a repository delete: its rows go, in one transaction; returns the objects no remaining
    /// row of the registry referenced then.
    func deleteRepositoryRows(_ repository: String, from registry: String) throws -> [String] {
        try store.perform { session -> [String] in
            let keys = try session.contentKeys(forRegistry: registry, action: "deleted")
            try requireRepository(repository, keys: keys)
            let unreferenced = try content.deleteRepository(keys: keys, repository: repository)
            session.recordContentObjects(keys, count: try content.counts(scope: keys.scope).blobs)
            return unreferenced
        }
    }

    /// Unlinks those of `objectIDs` that no committed row names, under the write lock.
    ///
    /// Between a delete's commit and its unlink, a push sharing an object may commit a row naming it (the object
    /// file was still there, so the push did not seal it again). Checking the rows and unlinking in one write
    /// transaction means no push can commit in between: a shared object is never unlinked while a committed row
    /// names it. Objects a row still names stay; nothing else is needed, the row's owner will delete them later.
    ///
    /// - Returns: How many objects were unlinked.
    @discardableResult
    func removeUnnamedObjects(_ objectIDs: [String]) throws -> Int {
        guard !objectIDs.isEmpty else { return 0 }
        return try store.perform { _ -> Int in
            let named = try content.namedObjectIDs(among: objectIDs)
            let unnamed = objectIDs.filter { !named.contains($0) }
            try content.removeObjects(unnamed)
            return unnamed.count
        }
    }

    /// How many repositories, manifests, tags and blobs the registry holds, read without its keys (so they show
    /// while the key is revoked, as Azure's registry metrics do).
    ///
    /// - Throws: `CMKError` (`ResourceNotFound`).
    public func counts(of registry: String) throws -> ContentCounts {
        try store.perform { session in
            let found = try session.requireRegistry(registry)
            return try content.counts(scope: ContentKeys.scope(forSalt: found.contentKeySalt))
        }
    }

    private func requireRepository(_ name: String, keys: ContentKeys) throws {
        guard try content.repository(keys: keys, name: name) != nil else {
            throw CMKError(.notFound, code: .nameUnknown, "repository name not known to registry",
                           hint: "The repository '\(name)' is not in registry '\(keys.registryName)'. List them with: "
                               + "az acr repository list --name \(keys.registryName)")
        }
    }
}
