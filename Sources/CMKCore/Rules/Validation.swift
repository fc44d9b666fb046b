/// Name rules of the Azure resources, with the messages az gives.
public enum Validation {
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
}
