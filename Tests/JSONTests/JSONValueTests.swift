import Foundation
import Testing
@testable import JSON

@Suite("JSON values")
struct JSONValueTests {
    @Test("objects read and write members ignoring case, keeping the first spelling and place")
    func objectIgnoringCase() {
        var object: JSONObject = ["Location": "eastus", "sku": ["Name": "Premium"]]
        #expect(object[ignoringCase: "location"] == "eastus")
        #expect(object["location"] == nil)
        object[ignoringCase: "LOCATION"] = "westus"
        #expect(object.keys == ["Location", "sku"])
        #expect(object["Location"] == "westus")
        object[ignoringCase: "Tags"] = [:]
        #expect(object.keys == ["Location", "sku", "Tags"])
        object[ignoringCase: "SKU"] = nil
        #expect(object.keys == ["Location", "Tags"])
        #expect(object.index(ignoringCase: "tags") == 1)
    }

    @Test("values walk a path ignoring case")
    func pathIgnoringCase() {
        let value: JSONValue = ["properties": ["Encryption": ["status": "enabled"]], "list": [1]]
        #expect(value[ignoringCase: "Properties", "encryption", "STATUS"] == "enabled")
        #expect(value[ignoringCase: "properties", "missing", "status"] == nil)
        #expect(value[ignoringCase: "list", "x"] == nil)
        #expect(value[ignoringCase: "properties"]?["Encryption"] != nil)
        #expect(JSONValue.string("x")[ignoringCase: "a"] == nil)
    }

    @Test("Codable writes the JSON the value holds and reads it back", arguments: [
        JSONValue.null, true, 1.5, "text", [1, "a", nil], ["b": [true], "a": ["nested": 2]],
    ])
    func codableRoundTrip(value: JSONValue) throws {
        struct Box: Codable, Equatable { var value: JSONValue }
        let data = try JSONEncoder().encode(Box(value: value))
        let text = String(decoding: data, as: UTF8.self)
        #expect(try JSONValue.parse(text) == ["value": value])
        #expect(try JSONDecoder().decode(Box.self, from: data) == Box(value: value))
    }

    @Test("decoding orders object keys by code point")
    func decodedKeyOrder() throws {
        let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(#"{"b": 1, "B": 2, "a": 3}"#.utf8))
        #expect(decoded.objectValue?.keys == ["B", "a", "b"])
    }
}
