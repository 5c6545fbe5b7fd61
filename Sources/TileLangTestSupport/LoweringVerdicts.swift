// The lowering differential: runs Tests/Support/lowering_verdicts.py under the pinned tilelang venv and compares
// what the compiler's CUDA does at each copy line with `FileAnalysis.lowerings` (path and SIMT vector width).

import Foundation
import TileLangAnalysis
import TileLangSyntax

/// What the CUDA of one lowered kernel does at one copy line.
public struct CompilerCopy: Sendable {
  public var line: Int
  public var op: String
  /// `simt`, `cp_async`, `tma_load`, `bulk_load`, `tma_store`, `bulk_store`, `ldmatrix`, `stmatrix`, `tmem_load`,
  /// `tmem_store`, `im2col_tma`, `im2col_simt`.
  public var path: String
  /// Bits per access (lanes × widest element) for SIMT and cp.async copies.
  public var bits: Int?
  /// `line` (found under the copy's `#line` marker) or `names` (found by buffer names elsewhere in the kernel).
  public var via: String
}

/// One copy × target comparison.
public struct LoweringOutcome: Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var target: String
  public var ours: String
  public var oursBits: Int?
  public var theirs: [CompilerCopy]
  public var pathAgrees: Bool
  /// nil when the width is not compared (not a SIMT/cp.async copy on both sides, or unknown).
  public var widthAgrees: Bool?

  public var description: String {
    let t = theirs.map { "\($0.path)\($0.bits.map { " \($0)b" } ?? "") [\($0.via)]" }.joined(separator: " | ")
    let o = ours + (oursBits.map { " \($0)b" } ?? "")
    let verdict = !pathAgrees ? "PATH DIFFERS" : (widthAgrees == false ? "WIDTH DIFFERS" : "agree")
    return "\(file):\(line) [\(target)] \(verdict): tl-lsp \(o); compiler \(t)"
  }
}

public enum LoweringVerdicts {
  /// Runs the driver over `files` in two processes (one per core); result: file path → line → target → copies.
  public static func run(_ files: [URL], targets: [String]) throws -> [String: [Int: [String: [CompilerCopy]]]] {
    var result: [String: [Int: [String: [CompilerCopy]]]] = [:]
    let files = try CompilerDriver.runFiles(script: "Tests/Support/lowering_verdicts.py", files, targets: targets)
    for f in files {
      guard let path = f["path"] as? String else { continue }
      var byLine: [Int: [String: [CompilerCopy]]] = [:]
      for s in f["statements"] as? [[String: Any]] ?? [] {
        for k in s["kernels"] as? [[String: Any]] ?? [] {
          for (t, v) in k["results"] as? [String: Any] ?? [:] {
            for c in (v as? [String: Any])?["copies"] as? [[String: Any]] ?? [] {
              guard let line = c["line"] as? Int, let path = c["path"] as? String else { continue }
              let copy = CompilerCopy(
                line: line, op: c["op"] as? String ?? "", path: path, bits: c["bits"] as? Int,
                via: c["via"] as? String ?? "")
              byLine[line, default: [:]][t, default: []].append(copy)
            }
          }
        }
      }
      result[path] = byLine
    }
    return result
  }

  /// Paths that name the same CUDA: a scalar copy is an ordinary (SIMT) element store.
  static func samePath(_ ours: String, _ theirs: String) -> Bool {
    ours == theirs || (ours == "scalar" && theirs == "simt")
  }

  /// Compares one file's plan (analysed once per target, fixture header honoured) with the compiler's copies.
  public static func compare(file: URL, text: String, compiler: [Int: [String: [CompilerCopy]]], targets: [String])
    -> [LoweringOutcome]
  {
    let cleaned = text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { DiagnosticFixtures.isCaretLine($0) ? "" : String($0) }.joined(separator: "\n")
    let parsed = parse(cleaned)
    var out: [LoweringOutcome] = []
    for t in targets {
      guard let arch = TargetArch(parsing: t) else { continue }
      var settings = DiagnosticFixtures.settings(for: text)
      settings.targets = [arch]
      let analysis = analyze(parsed: parsed, settings: settings)
      for l in analysis.lowerings where l.target == arch {
        let line = parsed.source.line(of: l.range.start) + 1
        guard let theirs = compiler[line]?[t], !theirs.isEmpty else { continue }
        let pathAgrees = theirs.allSatisfy { samePath(l.path, $0.path) }
        var width: Bool?
        if pathAgrees, l.path == "simt" || l.path == "cp_async", let mine = l.vectorBits {
          let known = theirs.compactMap(\.bits)
          if !known.isEmpty { width = known.allSatisfy { $0 == mine } }
        }
        out.append(
          LoweringOutcome(
            file: file.lastPathComponent, line: line, target: t, ours: l.path, oursBits: l.vectorBits, theirs: theirs,
            pathAgrees: pathAgrees, widthAgrees: width))
      }
    }
    return out
  }
}
