import Testing
@testable import CMKCore
