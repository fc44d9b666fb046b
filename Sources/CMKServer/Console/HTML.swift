import Foundation

/// HTML text built from parts whose user-supplied pieces are always escaped: a resource named `<script>` or with
/// quotes renders as text. `HTML` values are trusted markup; `String`s interpolated into them are escaped.
struct HTML: ExpressibleByStringInterpolation, CustomStringConvertible {
    private(set) var markup: String

    init(stringLiteral value: String) {
        markup = value
    }

    init(trusted markup: String) {
        self.markup = markup
    }

    init(stringInterpolation: Interpolation) {
        markup = stringInterpolation.markup
    }

    var description: String { markup }

    struct Interpolation: StringInterpolationProtocol {
        var markup = ""

        init(literalCapacity: Int, interpolationCount: Int) {
            markup.reserveCapacity(literalCapacity * 2)
        }

        mutating func appendLiteral(_ literal: String) {
            markup += literal
        }

        /// Text: escaped.
        mutating func appendInterpolation(_ text: String) {
            markup += HTML.escape(text)
        }

        mutating func appendInterpolation(_ number: Int) {
            markup += String(number)
        }

        /// Markup: as is.
        mutating func appendInterpolation(_ html: HTML) {
            markup += html.markup
        }

        mutating func appendInterpolation(_ parts: [HTML]) {
            markup += parts.map(\.markup).joined()
        }
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// A URL path segment, percent-encoded (then escaped where it lands in an attribute).
    static func segment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~")))
            ?? text
    }

    static func join(_ parts: [HTML], separator: HTML = "") -> HTML {
        HTML(trusted: parts.map(\.markup).joined(separator: separator.markup))
    }
}

/// Form controls with their labels: every control has one, for screen readers and keyboard users.
enum Control {
    static func text(_ name: String, label: String, value: String = "", required: Bool = false,
                     hint: String? = nil, placeholder: String = "") -> HTML {
        let id = "f-\(name)"
        return """
            <div class="field"><label for="\(id)">\(label)\(required ? HTML(trusted: " <span class=\"req\">*</span>") : "")</label>
            <input type="text" id="\(id)" name="\(name)" value="\(value)" placeholder="\(placeholder)"\(required ? " required" : "")>\
            \(hint.map { HTML("<p class=\"hint\">\($0)</p>") } ?? "")</div>
            """
    }

    static func select(_ name: String, label: String, options: [(value: String, label: String)], selected: String? = nil,
                       required: Bool = false, hint: String? = nil) -> HTML {
        let id = "f-\(name)"
        let items = options.map { option -> HTML in
            "<option value=\"\(option.value)\"\(option.value == selected ? " selected" : "")>\(option.label)</option>"
        }
        return """
            <div class="field"><label for="\(id)">\(label)\(required ? HTML(trusted: " <span class=\"req\">*</span>") : "")</label>
            <select id="\(id)" name="\(name)"\(required ? " required" : "")>\(items)</select>\
            \(hint.map { HTML("<p class=\"hint\">\($0)</p>") } ?? "")</div>
            """
    }

    static func radios(_ name: String, legend: String, options: [(value: String, label: String)],
                       selected: String?) -> HTML {
        let items = options.enumerated().map { index, option -> HTML in
            let id = "f-\(name)-\(index)-\(option.value.filter { $0.isLetter || $0.isNumber })"
            return """
                <div class="choice"><input type="radio" id="\(id)" name="\(name)" value="\(option.value)"\
                \(option.value == selected ? " checked" : "")><label for="\(id)">\(option.label)</label></div>
                """
        }
        return "<fieldset class=\"field\"><legend>\(legend)</legend>\(items)</fieldset>"
    }

    static func checkboxes(_ name: String, legend: String, options: [(value: String, label: String)],
                           checked: Set<String>) -> HTML {
        let items = options.enumerated().map { index, option -> HTML in
            let id = "f-\(name)-\(index)-\(option.value.filter { $0.isLetter || $0.isNumber })"
            return """
                <div class="choice"><input type="checkbox" id="\(id)" name="\(name)" value="\(option.value)"\
                \(checked.contains(option.value) ? " checked" : "")><label for="\(id)">\(option.label)</label></div>
                """
        }
        return "<fieldset class=\"field checks\"><legend>\(legend)</legend>\(items)</fieldset>"
    }

    static func hidden(_ name: String, _ value: String) -> HTML {
        "<input type=\"hidden\" name=\"\(name)\" value=\"\(value)\">"
    }

    static func submit(_ label: String, primary: Bool = true, name: String? = nil, value: String? = nil) -> HTML {
        let naming: HTML = name.map { "name=\"\($0)\" value=\"\(value ?? "")\" " } ?? ""
        return "<button type=\"submit\" \(naming)class=\"\(primary ? "primary" : "secondary")\">\(label)</button>"
    }

    static func link(_ label: String, to path: String, button: Bool = false) -> HTML {
        "<a href=\"\(path)\"\(button ? HTML(trusted: " class=\"button\"") : "")>\(label)</a>"
    }
}
