import Testing
@testable import CMKCommandLine
