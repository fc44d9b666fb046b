/// ARM's `uniqueString()`: a 64-bit MurmurHash variant over the UTF-8 of the arguments joined with `-`,
/// written as 13 lowercase base-32 characters.
///
/// Not a cryptographic hash (ARM does not use one either): it makes stable, name-safe suffixes, and
/// matching ARM's output lets templates produce the same names here as in Azure.
public enum TemplateUniqueString {
    /// The 13-character string ARM computes for these values.
    public static func make(_ values: [String]) -> String {
        let hash = murmur64(Array(values.joined(separator: "-").utf8))
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")
        var remaining = hash
        var result = ""
        for _ in 0..<13 {
            result.append(alphabet[Int(remaining >> 59)])
            remaining <<= 5
        }
        return result
    }

    /// The 64-bit hash itself; `templateHash` of a deployment shows it in decimal.
    public static func murmur64(_ bytes: [UInt8]) -> UInt64 {
        let c1: UInt32 = 0xAB0E_9789, c2: UInt32 = 0x239B_961B
        var h1: UInt32 = 0, h2: UInt32 = 0
        func word(_ offset: Int, _ count: Int) -> UInt32 {
            (0..<count).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * UInt32($1)) }
        }
        func rotl(_ value: UInt32, _ shift: UInt32) -> UInt32 { (value << shift) | (value >> (32 - shift)) }
        func mixFirst(_ k: UInt32) -> UInt32 { rotl(k &* c2, 15) &* c1 }
        func mixSecond(_ k: UInt32) -> UInt32 { rotl(k &* c1, 17) &* c2 }

        var offset = 0
        while offset + 8 <= bytes.count {
            h1 = rotl(h1 ^ mixFirst(word(offset, 4)), 19) &+ h2
            h1 = h1 &* 5 &+ 0x561C_CD1B
            h2 = rotl(h2 ^ mixSecond(word(offset + 4, 4)), 13) &+ h1
            h2 = h2 &* 5 &+ 0x0BCA_A747
            offset += 8
        }
        let rest = bytes.count - offset
        if rest > 0 {
            h1 ^= mixFirst(word(offset, min(rest, 4)))
            if rest > 4 { h2 ^= mixSecond(word(offset + 4, rest - 4)) }
        }
        let length = UInt32(truncatingIfNeeded: bytes.count)
        h2 ^= length
        h1 = (h1 ^ length) &+ h2
        h2 = h2 &+ h1
        func finalize(_ value: UInt32) -> UInt32 {
            var x = value
            x = (x ^ (x >> 16)) &* 0x85EB_CA6B
            x = (x ^ (x >> 13)) &* 0xC2B2_AE35
            return x ^ (x >> 16)
        }
        h1 = finalize(h1)
        h2 = finalize(h2)
        h1 = h1 &+ h2
        h2 = h2 &+ h1
        return UInt64(h2) << 32 | UInt64(h1)
    }
}
