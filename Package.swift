// swift-tools-version:6.0
// tl-lsp: a language server and command-line checker for TileLang kernels. Foundation only.
import PackageDescription

let package = Package(
  name: "tl-lsp",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "tl-lsp", targets: ["tl-lsp"])
  ],
  targets: [
    // MARK: - Layers (dependencies point down only)
    .target(name: "TileLangSyntax"),
    .target(name: "TileLangAnalysis", dependencies: ["TileLangSyntax"]),
    .target(
      name: "CompilerBridge",
      dependencies: ["TileLangSyntax"],
      resources: [.copy("worker.py")]
    ),
    .target(name: "LanguageServer", dependencies: ["TileLangAnalysis", "CompilerBridge"]),
    .executableTarget(name: "tl-lsp", dependencies: ["LanguageServer", "TileLangAnalysis", "CompilerBridge"]),

    // MARK: - Test support and tests
    .target(name: "TileLangTestSupport", dependencies: ["TileLangSyntax", "TileLangAnalysis"], path: "Sources/TileLangTestSupport"),
    .testTarget(name: "TileLangSyntaxTests", dependencies: ["TileLangSyntax", "TileLangTestSupport"]),
    .testTarget(name: "TileLangAnalysisTests", dependencies: ["TileLangAnalysis", "TileLangTestSupport"]),
    .testTarget(
      name: "CompilerBridgeTests", dependencies: ["CompilerBridge", "TileLangTestSupport"], exclude: ["Transcripts"]),
    .testTarget(name: "LanguageServerTests", dependencies: ["LanguageServer", "TileLangTestSupport"]),
    .testTarget(name: "EndToEndTests", dependencies: ["TileLangTestSupport"]),
    .testTarget(name: "TidyTests", dependencies: ["TileLangSyntax", "TileLangAnalysis", "TileLangTestSupport"]),
  ]
)
