// Top-level command dispatch: --check, build, --explain, --version, --help, or LSP on stdio.

import Foundation

enum CommandLineTool {
  static let version = "0.1.0"

  static func run(_ args: [String]) -> Int32 {
    if args.isEmpty || args.first == "--stdio" || args.first == "--log" {
      return runServe(arguments: args)
    }
    switch args[0] {
    case "--version":
      print("tl-lsp \(version)")
      return 0
    case "build":
      return runBuild(arguments: Array(args.dropFirst()))
    default:
      FileHandle.standardError.write(Data("tl-lsp: unknown arguments\n".utf8))
      return 2
    }
  }
}
