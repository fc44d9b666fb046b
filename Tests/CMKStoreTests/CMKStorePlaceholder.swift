import Testing
@testable import CMKStore
