import JSON

/// The JSON parser every module shares: `JSONValue.parse` (bytes and text) and `JSONLocatedValue` (templates).
///
/// Beyond not crashing, three properties must hold for every input. For well-formed UTF-8, the byte, text and
/// located parsers accept the same documents and read the same value. Whatever the bytes, a text that both text
/// parsers accept reads the same. And what acrcmk serializes (pretty and compact) parses back to the value it came
/// from, unless it holds a number too large for a `Double` (`1e999` reads as infinity and prints as `Infinity`, as
/// az's Python prints it, which is not JSON).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    let fromBytes = try? JSONValue.parse(bytes: input.bytes)
    let fromText = try? JSONValue.parse(input.text)
    let located = try? JSONLocatedValue(parsing: input.text)
    precondition((fromText == nil) == (located == nil), "the located parser accepts other texts than JSONValue.parse")
    precondition(fromText == located?.value, "the located parser read another value than JSONValue.parse")
    if input.bytes.elementsEqual(input.text.utf8) {
        precondition(fromBytes == fromText, "parsing well-formed UTF-8 as bytes and as text disagree")
    }
    guard let value = fromText, isFinite(value) else { return 0 }
    for options in [JSONSerializationOptions.azPretty, .compact] {
        let text = value.serialized(options)
        guard let reparsed = try? JSONValue.parse(text) else {
            preconditionFailure("acrcmk serialized a value it cannot parse back: \(text)")
        }
        precondition(reparsed == value, "a serialized value parsed back differently: \(text)")
    }
    return 0
}

/// Whether every number in `value` is finite.
private func isFinite(_ value: JSONValue) -> Bool {
    switch value {
    case .number(let number): return number.isFinite
    case .array(let elements): return elements.allSatisfy(isFinite)
    case .object(let object): return object.values.allSatisfy(isFinite)
    case .null, .bool, .string: return true
    }
}
