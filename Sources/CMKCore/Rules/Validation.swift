/// Name rules of the Azure resources, with the messages az gives.
public enum Validation {
    /// The regions of Azure's public cloud (`az account list-locations --query [].name`), as ARM accepts them.
    public static let locations: [String] = [
        "australiacentral", "australiacentral2", "australiaeast", "australiasoutheast", "austriaeast",
        "belgiumcentral", "brazilsouth", "brazilsoutheast", "canadacentral", "canadaeast", "centralindia",
        "centralus", "chilecentral", "denmarkeast", "eastasia", "eastus", "eastus2", "francecentral", "francesouth",
        "germanynorth", "germanywestcentral", "indonesiacentral", "israelcentral", "italynorth", "japaneast",
        "japanwest", "jioindiacentral", "jioindiawest", "koreacentral", "koreasouth", "malaysiawest",
        "mexicocentral", "newzealandnorth", "northcentralus", "northeurope", "norwayeast", "norwaywest",
        "polandcentral", "qatarcentral", "southafricanorth", "southafricawest", "southcentralus", "southindia",
        "southeastasia", "spaincentral", "swedencentral", "switzerlandnorth", "switzerlandwest", "uaecentral",
        "uaenorth", "uksouth", "ukwest", "westcentralus", "westeurope", "westindia", "westus", "westus2", "westus3",
    ]

    /// A location as ARM stores it (lowercase, no spaces: `East US` is `eastus`), refused when Azure has no such
    /// region, as ARM refuses it.
    public static func location(_ given: String) throws -> String {
        let normalised = given.lowercased().replacingOccurrences(of: " ", with: "")
        guard locations.contains(normalised) else {
            let near = locations.min { editDistance($0, normalised) < editDistance($1, normalised) }
            let suggestion = near.flatMap { editDistance($0, normalised) <= 3 ? " Did you mean '\($0)'?" : nil } ?? ""
            throw CMKError.badRequest(
                .locationNotAvailable,
                "The provided location '\(given)' is not available: Azure has no region of that name.\(suggestion)",
                hint: "az account list-locations --query [].name -o tsv lists the regions (eastus, westeurope, ...).")
        }
        return normalised
    }

    /// An IPv4 address or CIDR range as Key Vault stores a rule: `10.0.0.1` is `10.0.0.1/32`.
    public static func ipv4Range(_ text: String) throws -> String {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        let octets = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        let validAddress = octets.count == 4 && octets.allSatisfy { octet in
            !octet.isEmpty && octet.count <= 3 && octet.allSatisfy(\.isASCIIDigit) && Int(octet)! <= 255
        }
        let prefix = parts.count == 2 ? Int(parts[1]) : 32
        guard validAddress, parts.count <= 2, let prefix, (0...32).contains(prefix),
              parts.count == 1 || parts[1].allSatisfy(\.isASCIIDigit) else {
            throw CMKError.badRequest(
                .badRequest, "'\(text)' is not an IPv4 address or CIDR range.",
                hint: "e.g. --ip-address 203.0.113.7 or --ip-address 203.0.113.0/24")
        }
        return "\(parts[0])/\(prefix)"
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let saved = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = saved
            }
        }
        return row[b.count]
    }

    public static func resourceGroupName(_ name: String) throws {
        let allowed = name.allSatisfy { $0.isLetter || $0.isNumber || "-_.()".contains($0) }
        guard !name.isEmpty, name.count <= 90, allowed, !name.hasSuffix(".") else {
            throw CMKError.badRequest(
                .invalidResourceGroup,
                "The provided resource group name '\(name)' has these "
                    + "invalid characters or length: resource group names are 1-90 letters, digits, '-', '_', '.', '(' or ')' "
                    + "and cannot end with '.'.")
        }
    }

    public static func identityName(_ name: String) throws {
        let valid =
            (3...128).contains(name.count) && name.first!.isASCIIAlphanumeric
            && name.allSatisfy { $0.isASCIIAlphanumeric || $0 == "-" || $0 == "_" }
        guard valid else {
            throw CMKError.badRequest(
                .invalidResourceName,
                "The identity name '\(name)' is invalid: use 3-128 letters, "
                    + "digits, '-' or '_', starting with a letter or digit.")
        }
    }

    /// Vault names: 3-24 characters, letters, digits and non-consecutive dashes, starting with a letter.
    public static func vaultName(_ name: String) throws {
        let valid =
            (3...24).contains(name.count) && name.first!.isLetter && name.last != "-"
            && name.allSatisfy { $0.isASCIIAlphanumeric || $0 == "-" } && !name.contains("--")
        guard valid else {
            throw CMKError.badRequest(
                .vaultNameNotValid,
                "The vault name '\(name)' is invalid. A vault's name must be "
                    + "between 3-24 alphanumeric characters. The name must begin with a letter, end with a letter or digit, "
                    + "and not contain consecutive hyphens.")
        }
    }

    /// Key names: 1-127 letters, digits and dashes.
    public static func keyName(_ name: String) throws {
        guard (1...127).contains(name.count), name.allSatisfy({ $0.isASCIIAlphanumeric || $0 == "-" }) else {
            throw CMKError.badRequest(
                .badParameter, "The key name '\(name)' is invalid: use 1-127 letters, digits or '-'.")
        }
    }

    /// Registry names: 5-50 alphanumerics; az refuses uppercase and dashes with its own words.
    public static func registryName(_ name: String) throws {
        if name.contains("-") {
            throw CMKError.usage("argument error: Registry name cannot contain dashes.")
        }
        if name.contains(where: { $0.isUppercase }) {
            throw CMKError.usage("argument error: Registry name must use only lowercase.")
        }
        guard (5...50).contains(name.count), name.allSatisfy({ $0.isASCIIAlphanumeric }) else {
            throw CMKError.usage("argument error: Registry name must be 5-50 alphanumeric characters.")
        }
    }
}

extension Character {
    var isASCIIAlphanumeric: Bool { isASCII && (isLetter || isNumber) }
    var isASCIIDigit: Bool { isASCII && isNumber }
}
