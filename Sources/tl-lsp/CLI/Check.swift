// `tl-lsp --check PATH...`: analyze files (directories: every .py that imports tilelang), print diagnostics,
// exit 1 when any error is found.

import Foundation
import TileLangAnalysis
import TileLangSyntax

struct FileResult {
  var path: String
  var analysis: FileAnalysis?
  /// A file that could not be read.
  var readError: String?
}

enum CheckCommand {
  static func run(_ options: CheckOptions) -> Int32 {
    if options.paths.isEmpty {
      printError("tl-lsp: --check needs at least one file or directory")
      return 2
    }
    var files: [String] = []
    for p in options.paths {
      var isDir: ObjCBool = false
      guard FileManager.default.fileExists(atPath: p, isDirectory: &isDir) else {
        printError("tl-lsp: no such file or directory: \(p)")
        return 2
      }
      if isDir.boolValue { files += pythonFiles(under: p) } else { files.append(p) }
    }
    // Files are independent and the analysis is pure: check them on every core, keep the order.
    let paths = files
    let slots = ResultSlots(count: paths.count)
    var settings = options.settings
    settings.describesLowerings = options.format == .json  // the gcc format prints diagnostics only
    settings.describesKernels = options.compile  // builds need the kernels and their call sites; output does not
    let fileSettings = settings
    DispatchQueue.concurrentPerform(iterations: paths.count) { i in
      let f = paths[i]
      guard let data = FileManager.default.contents(atPath: f) else {
        slots.set(i, FileResult(path: f, analysis: nil, readError: "cannot read file"))
        return
      }
      slots.set(i, FileResult(path: f, analysis: analyze(parsed: parse(bytes: [UInt8](data)), settings: fileSettings)))
    }
    var results = slots.values.enumerated().map { i, r in
      r ?? FileResult(path: files[i], analysis: nil, readError: "not checked")
    }
    if options.compile { CompileStep.run(&results, options: options) }
    switch options.format {
    case .gcc: print(GccFormat.render(results), terminator: "")
    case .json: print(JSONFormat.render(results))
    }
    let hasError = results.contains { r in
      r.readError != nil || (r.analysis?.diagnostics.contains { $0.severity == .error } ?? false)
    }
    // The process exits next: leave the syntax trees and analyses to the operating system instead of freeing them
    // one by one on this thread (about 2 % of a run's instructions over the tilelang corpus).
    keptUntilExit = results
    return hasError ? 1 : 0
  }

  nonisolated(unsafe) private static var keptUntilExit: [FileResult] = []

  /// `.py` files under `dir` that import tilelang, sorted.
  static func pythonFiles(under dir: String) -> [String] {
    guard let e = FileManager.default.enumerator(atPath: dir) else { return [] }
    var out: [String] = []
    while let rel = e.nextObject() as? String {
      guard rel.hasSuffix(".py") else { continue }
      let path = (dir as NSString).appendingPathComponent(rel)
      guard let data = FileManager.default.contents(atPath: path) else { continue }
      let text = String(decoding: data, as: UTF8.self)
      if text.contains("import tilelang") || text.contains("from tilelang") { out.append(path) }
    }
    return out.sorted()
  }
}

func printError(_ s: String) {
  FileHandle.standardError.write(Data((s + "\n").utf8))
}

/// Per-file results written from concurrent workers.
final class ResultSlots: @unchecked Sendable {
  private var storage: [FileResult?]
  private let lock = NSLock()
  init(count: Int) { storage = Array(repeating: nil, count: count) }
  func set(_ i: Int, _ r: FileResult) {
    lock.lock()
    storage[i] = r
    lock.unlock()
  }
  var values: [FileResult?] {
    lock.lock()
    defer { lock.unlock() }
    return storage
  }
}
