import Testing
@testable import CMKCrypto
