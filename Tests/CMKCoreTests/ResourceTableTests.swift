import Foundation
import Testing

@testable import CMKCore

/// `ResourceTable`: reads only what a command asks for, sees its own changes, and reports exactly what changed.
@Suite("Resource tables")
struct ResourceTableTests {
    /// A store of rows that counts what it is asked.
    final class CountingSource: TableRowSource {
        var tables: [String: [(parent: String, row: StoredRow)]] = [:]
        var pointReads = 0, tableReads = 0, lookupReads = 0

        func add<Row: TableRow>(_ rows: [Row], parent: String = "") throws {
            for row in rows {
                let key = row.naturalKey?.folded ?? UUID().uuidString.lowercased()
                let stored = StoredRow(key: key, body: try RowCodec.encode(row.storedForm))
                tables[Row.tableName, default: []].append((parent, stored))
            }
        }

        private func all(_ table: String, _ parent: String?) -> [StoredRow] {
            (tables[table] ?? []).filter { $0.parent == (parent ?? "") }.map(\.row)
        }

        func row(_ table: String, parent: String?, key: String) throws -> StoredRow? {
            pointReads += 1
            return all(table, parent).first { $0.key == key }
        }

        func rows(_ table: String, parent: String?) throws -> [StoredRow] {
            tableReads += 1
            return all(table, parent)
        }

        func rows(_ table: String, column: String, equals value: String) throws -> [StoredRow] {
            lookupReads += 1
            return try all(table, nil).filter { try lookup(table, column, $0) == value }
        }

        func rows(_ table: String, column: String, atMost value: String) throws -> [StoredRow] {
            lookupReads += 1
            return try all(table, nil).filter { (try lookup(table, column, $0)).map { $0 <= value } ?? false }
        }

        func lastRow(_ table: String, parent: String?) throws -> StoredRow? {
            pointReads += 1
            return all(table, parent).last
        }

        private func lookup(_ table: String, _ column: String, _ row: StoredRow) throws -> String? {
            switch table {
            case Registry.tableName: try RowCodec.decode(Registry.self, from: row.body).lookupValue(column)
            case RoleAssignment.tableName: try RowCodec.decode(RoleAssignment.self, from: row.body).lookupValue(column)
            default: nil
            }
        }
    }

    static func registry(_ name: String, following key: String? = nil) -> Registry {
        var registry = Registry(name: name, resourceGroup: "rg", location: "eastus", sku: .premium,
                                creationDate: Date(timeIntervalSince1970: 1_800_000_000),
                                contentKeySalt: Array(repeating: 7, count: 32))
        if let key {
            registry.encryption = RegistryEncryption(
                keyIdentifier: "https://kv1.vault.azure.net/keys/\(key)",
                versionedKeyIdentifier: "https://kv1.vault.azure.net/keys/\(key)/" + String(repeating: "a", count: 32),
                identity: "client", lastKeyRotationTimestamp: Date(timeIntervalSince1970: 1_800_000_000),
                wrappedDEK: [1, 2, 3],
                wrapAlgorithm: "RSA-OAEP-256")
        }
        return registry
    }

    static func source(registries count: Int) throws -> CountingSource {
        let source = CountingSource()
        try source.add((0..<count).map { registry("reg\($0)", following: $0 % 10 == 0 ? "cmk" : nil) })
        return source
    }

    @Test("a lookup by name reads one row, whatever the table holds, and a missing name reads one too")
    func keyedLookupReadsOneRow() throws {
        let source = try Self.source(registries: 500)
        let table = ResourceTable<Registry>(source: source)
        #expect(table[key: "REG42"]?.name == "reg42")
        #expect(table[key: "reg42"]?.name == "reg42")
        #expect(table[key: "nosuch"] == nil)
        #expect(source.pointReads == 2, "the second lookup of reg42 is served from memory")
        #expect(source.tableReads == 0)
        #expect(try table.changes().isEmpty)
    }

    @Test("an indexed lookup reads the matching rows and sees this command's own changes")
    func indexedLookupMergesChanges() throws {
        let source = try Self.source(registries: 100)
        var table = ResourceTable<Registry>(source: source)
        #expect(table.rows(where: "rotation_key", equals: "kv1/cmk").count == 10)
        // reg1 starts following, reg0 stops, a new registry follows: the lookup says so before anything is saved.
        table[key: "reg1"] = Self.registry("reg1", following: "cmk")
        table[key: "reg0"] = Self.registry("reg0")
        table.append(Self.registry("newreg", following: "cmk"))
        let following = table.rows(where: "rotation_key", equals: "kv1/cmk").map(\.name)
        #expect(Set(following) == Set(["reg1", "newreg"] + (1..<10).map { "reg\($0 * 10)" }))
        #expect(source.tableReads == 0)
    }

    @Test("changes are exactly the rows that differ: updates, inserts in order, deletes")
    func changesAreExact() throws {
        let source = try Self.source(registries: 50)
        var table = ResourceTable<Registry>(source: source)
        _ = table[key: "reg3"]
        var changed = table[key: "reg4"]!
        changed.adminUserEnabled = true
        table[key: "reg4"] = changed
        table[key: "reg5"] = nil
        table.append(Self.registry("zeta"))
        table.append(Self.registry("alpha"))
        let changes = try table.changes()
        #expect(changes.upserts.map(\.key) == ["reg4", "zeta", "alpha"])
        #expect(changes.upserts.map(\.appended) == [false, true, true])
        #expect(changes.deletes == ["reg5"])
        #expect(source.tableReads == 0)
    }

    @Test("reading the whole table keeps what was changed by key, in table order, new rows last")
    func wholeTableAfterKeyedChanges() throws {
        let source = try Self.source(registries: 5)
        var table = ResourceTable<Registry>(source: source)
        table[key: "reg2"] = nil
        table.append(Self.registry("late"))
        var changed = table[key: "reg0"]!
        changed.retentionDays = 30
        table[key: "reg0"] = changed
        #expect(table.map(\.name) == ["reg0", "reg1", "reg3", "reg4", "late"])
        #expect(table.first?.retentionDays == 30)
        #expect(source.tableReads == 1)
        let changes = try table.changes()
        #expect(changes.upserts.map(\.key).sorted() == ["late", "reg0"])
        #expect(changes.deletes == ["reg2"])
    }

    @Test("a row that does not decode fails changes(), so nothing is committed on a partial view")
    func unreadableRowFailsTheCommit() throws {
        let source = try Self.source(registries: 3)
        source.tables[Registry.tableName]![1].row.body = Array("{\"name\": 5}".utf8)
        let table = ResourceTable<Registry>(source: source)
        #expect(table.count == 2)
        let error = try #require(throws: CMKError.self) { try table.changes() }
        #expect(error.code == "StateUnreadable")
        #expect(error.message.contains("reg1"))
    }

    @Test("a key's versions are rows of their own: the current one is read alone, a new one is one write")
    func keyVersionsAreReadOnDemand() throws {
        let source = CountingSource()
        let versions = (0..<300).map { index in
            KeyVersion(version: String(format: "%032x", index), keyType: .rsa, keySize: 2048, curve: nil,
                       keyOps: ["wrapKey"], enabled: true, notBefore: nil, expires: nil,
                       created: Date(timeIntervalSince1970: 1_800_000_000 + Double(index)),
                       updated: Date(timeIntervalSince1970: 1_800_000_000), tags: nil, publicKeyDER: [1],
                       sealedPrivateKey: [2], notifiedAt: nil)
        }
        let key = VaultKey(vaultName: "kv1", name: "cmk", versions: versions)
        try source.add([key])
        try source.add(versions, parent: "kv1/cmk")
        var keys = ResourceTable<VaultKey>(source: source)
        #expect(keys[key: "kv1/cmk"]?.current.version == versions.last?.version)
        #expect(keys[key: "kv1/cmk"]?.version(versions[7].version)?.created == versions[7].created)
        #expect(source.tableReads == 0)

        var rotated = keys[key: "kv1/cmk"]!
        var next = versions[0]
        next.version = String(repeating: "f", count: 32)
        rotated.versions.append(next)
        keys[key: "kv1/cmk"] = rotated
        #expect(keys[key: "kv1/cmk"]?.current.version == next.version)
        #expect(try keys.changes().isEmpty, "the key's own row did not change")
        let versionChanges = try keys[key: "kv1/cmk"]!.versions.changes()
        #expect(versionChanges.upserts.map(\.key) == [next.version])
        #expect(source.tableReads == 0)
    }

    /// Found by ThreadSanitizer (`make sanitize-thread`): tests share `CoreFixture.world` between threads, and reading
    /// a table positionally stored `complete = true` into the shared state even when it already was. Without the
    /// sanitizer this test passes either way; under it, it fails on any write a read makes.
    @Test("copies of a world held in memory are read from many threads at once, and reading writes nothing")
    func concurrentReadsOfACompleteTable() async {
        let world = CoreFixture.world
        let expected = world.resourceGroups.map(\.name)
        await withTaskGroup(of: [[String]].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    (0..<100).map { _ in
                        let copy = world
                        let byKey = copy.resourceGroups[key: ResourceName(CoreFixture.group)]?.name ?? "-"
                        return copy.resourceGroups.map(\.name) + [byKey]
                    }
                }
            }
            for await reads in group {
                #expect(reads.allSatisfy { $0 == expected + [CoreFixture.group] })
            }
        }
    }
}
