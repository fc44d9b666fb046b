import CMKCore
import Foundation

/// How the world is serialized in `world_document.body`: sorted-key JSON, dates as seconds since 1970.
///
/// `Data` would be base64; the model's `[UInt8]` fields (key material, wrapped keys) encode as arrays of
/// numbers, which round-trip exactly but take about 3.6 characters per byte.
enum WorldDocument {
    static func encode(_ world: World) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .secondsSince1970
        encoder.dataEncodingStrategy = .base64
        return Array(try encoder.encode(world))
    }

    static func decode(_ body: [UInt8]) throws -> World {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        decoder.dataDecodingStrategy = .base64
        return try decoder.decode(World.self, from: Data(body))
    }
}
