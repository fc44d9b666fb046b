// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "acrcmk",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "acrcmk", targets: ["acrcmk"]),
        .library(name: "CMKCore", targets: ["CMKCore"]),
        .library(name: "JMESPath", targets: ["JMESPath"]),
    ],
    dependencies: [],
    targets: [
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"]), .brew(["openssl@3"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        // HTTP for `acrcmk serve`; imported by CMKServer alone.
        .systemLibrary(
            name: "CMicroHTTPD",
            pkgConfig: "libmicrohttpd",
            providers: [.apt(["libmicrohttpd-dev"]), .brew(["libmicrohttpd"])]
        ),
        // The HTTP client of a registry home whose vault is served by another process; imported by CMKVaultClient
        // alone. (FoundationNetworking's URLSession cannot be told which CA to trust on Linux.)
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"]), .brew(["curl"])]
        ),
        .target(name: "CMKCrypto", dependencies: ["COpenSSL"]),
        // The one JSON value type, parser and serializer, shared by every module (docs/architecture.md).
        .target(name: "JSON"),
        .target(name: "JMESPath", dependencies: ["JSON"]),
        .target(name: "CMKCore", dependencies: ["CMKCrypto", "JSON"]),
        .target(name: "CMKStore", dependencies: ["CMKCore", "CSQLite"]),
        .target(name: "CMKCommandLine", dependencies: ["CMKCore", "JMESPath", "JSON"]),
        // `acrcmk serve`: the OCI registry endpoint and its token service over the core's use cases.
        .target(name: "CMKServer", dependencies: ["CMKCore", "CMicroHTTPD", "JSON"]),
        // Key Vault's REST API as a client: the `KeyVaultUnwrapping` port answered by a vault in another process.
        .target(name: "CMKVaultClient", dependencies: ["CMKCore", "CMKCrypto", "CCurl", "JSON"]),
        .executableTarget(name: "acrcmk",
                          dependencies: ["CMKCommandLine", "CMKServer", "CMKStore", "CMKCore", "CMKCrypto",
                                         "CMKVaultClient"]),
        // Test support only: a child process that CMKStoreTests runs by path (concurrent writers, kill -9).
        // Not a dependency of the test target (executables cannot be); `swift build --build-tests` builds it.
        .executableTarget(
            name: "cmkstore-exerciser", dependencies: ["CMKStore", "CMKCore"], path: "Tests/Support/cmkstore-exerciser"),
        // Shared by the test targets: package paths, built executables, running processes.
        .target(name: "CMKTestSupport", path: "Tests/Support/CMKTestSupport"),
        .testTarget(name: "CMKCryptoTests", dependencies: ["CMKCrypto", "CMKTestSupport"]),
        .testTarget(name: "JSONTests", dependencies: ["JSON", "CMKTestSupport"]),
        .testTarget(name: "JMESPathTests", dependencies: ["JMESPath", "CMKTestSupport"]),
        .testTarget(name: "CMKCoreTests", dependencies: ["CMKCore", "CMKCrypto", "JSON"]),
        .testTarget(name: "CMKStoreTests", dependencies: ["CMKStore", "CMKCore", "CMKCrypto", "CMKTestSupport"]),
        .testTarget(name: "CMKServerTests", dependencies: ["CMKServer", "CMKCore", "CMKTestSupport"]),
        .testTarget(name: "CMKCommandLineTests",
                    dependencies: ["CMKCommandLine", "CMKCore", "JMESPath", "JSON", "CMKTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
