/// Carries a value to another thread where the code guarantees one thread uses it at a time (a borrowed state
/// home, a closure over it), which the type system cannot see.
struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
}
