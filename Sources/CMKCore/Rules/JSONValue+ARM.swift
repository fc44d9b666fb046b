import JSON

/// How ARM's template language converts JSON values: parameter values, variables, function results, outputs.
///
/// Templates evaluate over the shared `JSONValue`; what is ARM's own is here: its type names, the strings it
/// accepts as booleans and integers, and `string()`'s text. ARM reads property names ignoring case, so template
/// code looks members up with `value[ignoringCase:]`.
extension JSONValue {
    /// ARM's type name for messages: `String`, `Int`, `Bool`, `Array`, `Object`, `Null`.
    public var armTypeName: String {
        switch self {
        case .null: return "Null"
        case .bool: return "Bool"
        case .number: return "Int"
        case .string: return "String"
        case .array: return "Array"
        case .object: return "Object"
        }
    }

    /// A boolean, or the string `true` / `false` in any case, as `bool()` and conditions read them.
    public var armBool: Bool? {
        switch self {
        case .bool(let flag): return flag
        case .string(let text) where text.lowercased() == "true": return true
        case .string(let text) where text.lowercased() == "false": return false
        default: return nil
        }
    }

    /// An integral number, or a string holding one, as `int()` and integer properties read them.
    public var armInt: Int? {
        switch self {
        case .number(let number) where number == number.rounded() && abs(number) < 9e15: return Int(number)
        case .string(let text): return Int(text)
        default: return nil
        }
    }

    /// The value as ARM's `string()` renders it: strings as they are, everything else as compact JSON.
    public var armText: String {
        if case .string(let text) = self { return text }
        return serialized(.compact)
    }
}
