// `Double.rounded(_:)` lowers to libm's `ceil`/`floor`/`round`/`rint`/`trunc`. Without Foundation
// nothing asks the linker for libm, so importing the C library module (whose module map links `m`)
// keeps every product that uses this module linkable.
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#endif
