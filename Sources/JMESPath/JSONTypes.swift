import JSON

// JMESPath evaluates over the JSON module's value type, which every module shares. These names keep code that
// imports only JMESPath compiling as it did when the type lived here.
public typealias JSONValue = JSON.JSONValue
public typealias JSONObject = JSON.JSONObject
public typealias JSONParseError = JSON.JSONParseError
public typealias JSONSerializationOptions = JSON.JSONSerializationOptions
