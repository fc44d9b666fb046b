import Testing
@testable import JMESPath
