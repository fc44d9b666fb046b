public import CMKCore
internal import CSQLite
