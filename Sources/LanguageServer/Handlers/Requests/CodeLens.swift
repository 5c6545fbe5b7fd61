// `textDocument/codeLens`: above each kernel's builder (the factory, jit function or prim_func the compiler builds),
// one "build" and one "CUDA" lens per configured target, running `tilelang.build` / `tilelang.showLoweredCUDA`.
// Nothing runs until the user picks a lens (building executes the file's Python).

import TileLangAnalysis
import TileLangSyntax

enum CodeLens {
  static let method = "textDocument/codeLens"
  /// Lenses for at most this many targets per kernel.
  static let maxTargets = 3

  static func handle(_ params: JSONValue, _ context: RequestContext) throws -> JSONValue {
    let document = try context.document(params)
    try context.token.check()
    let targets = context.settings.analysis.targets.prefix(maxTargets).map(\.rawValue)
    var lenses: [JSONValue] = []
    for (name, range) in document.analysis.kernelBuilderNames {
      let lspRange = document.source.lspRange(range, context.encoding).json
      for target in targets {
        for command in BuildCommands.commands(uri: document.uri, kernel: name, target: target, short: true) {
          lenses.append(["range": lspRange, "command": command])
        }
      }
    }
    return .array(lenses)
  }
}

/// The `tilelang.build` / `tilelang.showLoweredCUDA` commands for one kernel, as code lenses and code actions offer
/// them.
enum BuildCommands {
  static func commands(uri: String, kernel: String, target: String, short: Bool) -> [JSONValue] {
    let arguments: JSONValue = [["uri": .string(uri), "kernel": .string(kernel), "target": .string(target)]]
    let build = short ? "build \(kernel) (\(target))" : "Build `\(kernel)` with tilelang (\(target))"
    let cuda = short ? "CUDA (\(target))" : "Show the lowered CUDA of `\(kernel)` (\(target))"
    return [
      ["title": .string(build), "command": "tilelang.build", "arguments": arguments],
      ["title": .string(cuda), "command": "tilelang.showLoweredCUDA", "arguments": arguments],
    ]
  }
}
