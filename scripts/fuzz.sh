#!/usr/bin/env bash
# Builds and runs the libFuzzer targets in Fuzz/ (one file per target; see Fuzz/README.md).
#
#   scripts/fuzz.sh build [TARGET...]   build the package modules instrumented, then the fuzzers
#   scripts/fuzz.sh run [TARGET...]     build, then run each target in turn and print its figures
#   scripts/fuzz.sh list                the target names
#
# No TARGET means every target. Each run stops at FUZZ_RUNS executions or FUZZ_SECONDS seconds, whichever comes
# first (defaults: 10,000,000 and 60), with one job: the machine is shared.
#
# Why swiftc and not Package.swift: a libFuzzer target has no `main` (libFuzzer brings it), so as an executable
# target it would break the ordinary `swift build`. The modules are built by SwiftPM in their own scratch folder
# with coverage and AddressSanitizer instrumentation (`-sanitize=fuzzer,address`) and `-enable-testing`, and each
# target is then compiled by swiftc against those modules and linked with their object files.
set -euo pipefail
cd "$(dirname "$0")/.."

SWIFT=${SWIFT:-swift}
SWIFTC=${SWIFTC:-swiftc}
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
FUZZ_RUNS=${FUZZ_RUNS:-10000000}
SCRATCH=.build-fuzz
SANITIZERS=fuzzer,address
# The modules a target may import. Building CMKCommandLine builds the first four; CMKServer is built beside it.
MODULES=(JSON JMESPath CMKCrypto CMKCore CMKCommandLine CMKServer)
ALL_TARGETS=(json jmespath template-expression deployment oci-layout sealed-stream arguments iso-duration
             key-identifier registry-request)

build_modules() {
    for module in CMKCommandLine CMKServer; do
        "$SWIFT" build -c release --scratch-path "$SCRATCH" --target "$module" \
            -Xswiftc -sanitize="$SANITIZERS" -Xswiftc -enable-testing
    done
}

build_target() {
    local target=$1
    local bin package_name objects=()
    bin=$("$SWIFT" build -c release --scratch-path "$SCRATCH" --show-bin-path)
    # `@testable import` of `package` declarations needs the package name SwiftPM gave the modules (it follows the
    # checkout folder's name), so it is read from the build plan rather than assumed.
    package_name=$(grep -o '"-package-name","[^"]*"' "$SCRATCH/release.yaml" | head -1 | cut -d'"' -f4)
    for module in "${MODULES[@]}"; do
        objects+=("$bin/$module.build/"*.o)
    done
    mkdir -p "$SCRATCH/fuzzers"
    # shellcheck disable=SC2046 # pkg-config prints several flags
    # The harness is built -Onone so that its precondition messages are printed; the modules are optimised.
    "$SWIFTC" -Onone -sanitize="$SANITIZERS" -parse-as-library -package-name "$package_name" \
        -module-name "Fuzz_${target//-/_}" -I "$bin/Modules" \
        -Xcc -fmodule-map-file=Sources/COpenSSL/module.modulemap \
        -Xcc -fmodule-map-file=Sources/CMicroHTTPD/module.modulemap \
        Fuzz/Support/*.swift "Fuzz/$target.swift" "${objects[@]}" \
        $(pkg-config --libs libcrypto libmicrohttpd) \
        -o "$SCRATCH/fuzzers/$target" 2> >(grep -v "Cannot export local symbol '__asan" >&2)
}

run_target() {
    local target=$1
    local corpus="$SCRATCH/corpus/$target" artifacts="$SCRATCH/artifacts/$target" log="$SCRATCH/logs/$target.log"
    mkdir -p "$corpus" "$artifacts" "$SCRATCH/logs"
    # New inputs go to the first folder (kept out of git); the committed seeds are read from the second.
    local status=0
    # libFuzzer reports crashes itself; Swift's backtracer would hold the crash for up to 30 s per report.
    SWIFT_BACKTRACE=enable=no "$SCRATCH/fuzzers/$target" -runs="$FUZZ_RUNS" -max_total_time="$FUZZ_SECONDS" \
        -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/" \
        "$corpus" "Fuzz/corpus/$target" >"$log" 2>&1 || status=$?
    local executions seconds rate files
    executions=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    seconds=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | grep -o 'in [0-9]*' | grep -o '[0-9]*' || echo "?")
    files=$(find "$corpus" -type f | wc -l)
    if [ "$status" -eq 0 ]; then
        printf '%-20s clean  %12s execs  %6s s  %8s exec/s  corpus %s files\n' \
            "$target" "$executions" "$seconds" "$rate" "$files"
    else
        printf '%-20s FAILED (exit %s): see %s and %s\n' "$target" "$status" "$log" "$artifacts"
    fi
    return "$status"
}

command=${1:-run}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${ALL_TARGETS[@]}")

case "$command" in
list) printf '%s\n' "${ALL_TARGETS[@]}" ;;
build)
    build_modules
    for target in "${targets[@]}"; do build_target "$target"; done
    ;;
run)
    build_modules
    for target in "${targets[@]}"; do build_target "$target"; done
    failures=0
    for target in "${targets[@]}"; do run_target "$target" || failures=$((failures + 1)); done
    exit "$failures"
    ;;
*) echo "usage: $0 build|run|list [TARGET...]" >&2; exit 2 ;;
esac
