// The differential comparison with the real compiler: runs Tests/Support/compiler_verdicts.py under the pinned
// tilelang venv and decides, per `__main__` statement and target, whether tl-lsp agrees with the compiler.

import Foundation
import TileLangAnalysis
import TileLangSyntax

public struct CompilerError: Sendable {
  public var type: String
  public var message: String
  /// Fixture lines from the traceback, innermost last (Python-level errors).
  public var lines: [Int]
  /// Lines of `--> file:line:col` spans (C++ errors; usually a buffer's allocation).
  public var spans: [Int]

  /// `src=A, dst=B` named by the message, when it names them.
  public var bufferNames: (src: String, dst: String)? {
    guard let r = message.range(of: #"src=(\w+)[^,]*, dst=(\w+)"#, options: .regularExpression) else { return nil }
    let parts = message[r].split(separator: ",").compactMap { part -> String? in
      let pieces = part.split(separator: "=", maxSplits: 1)
      guard pieces.count == 2 else { return nil }
      return String(pieces[1].prefix { $0.isLetter || $0.isNumber || $0 == "_" })
    }
    return parts.count == 2 ? (parts[0], parts[1]) : nil
  }
}

public struct StatementVerdict: Sendable {
  public var line: Int
  public var elaboration: CompilerError?
  /// Lowering result per kernel created by the statement, per target (nil = lowered fine).
  public var kernels: [[String: CompilerError?]]

  public func error(for target: String) -> CompilerError? {
    if let e = elaboration { return e }
    for k in kernels { if let e = k[target] ?? nil { return e } }
    return nil
  }
}

/// One comparison outcome.
public struct DifferentialOutcome: Sendable, CustomStringConvertible {
  public var file: String
  public var statementLine: Int
  public var target: String
  public var compilerError: CompilerError?
  public var ourErrors: [Diagnostic]
  public var ourLines: [Int]
  public var agrees: Bool
  public var note: String

  public var description: String {
    let theirs = compilerError.map { "compiler: \($0.type): \($0.message.prefix(200))" } ?? "compiler: ok"
    let ours =
      ourErrors.isEmpty
      ? "tl-lsp: no error"
      : "tl-lsp: " + zip(ourLines, ourErrors).map { "L\($0) \($1.code.rawValue)" }.joined(separator: ", ")
    return
      "\(file):\(statementLine) [\(target)] \(agrees ? "agree" : "DISAGREE") — \(theirs); \(ours)\(note.isEmpty ? "" : " (\(note))")"
  }
}

public enum CompilerVerdicts {
  public static var packageRoot: URL {
    SyntaxFixtures.fixturesDirectory().deletingLastPathComponent().deletingLastPathComponent()
  }
  public static var venvPython: URL { packageRoot.appendingPathComponent(".venv-tilelang/bin/python") }

  /// Runs the driver over `files` (in two processes, one per core) and returns verdicts per file path.
  public static func run(_ files: [URL], targets: [String]) throws -> [String: [StatementVerdict]] {
    var result: [String: [StatementVerdict]] = [:]
    let files = try CompilerDriver.runFiles(script: "Tests/Support/compiler_verdicts.py", files, targets: targets)
    for f in files {
      guard let path = f["path"] as? String, let statements = f["statements"] as? [[String: Any]] else { continue }
      result[path] = statements.map { s in
        StatementVerdict(
          line: s["line"] as? Int ?? 0, elaboration: error(s["error"]),
          kernels: (s["kernels"] as? [[String: Any]] ?? []).map { k in
            var r: [String: CompilerError?] = [:]
            for (t, v) in k["results"] as? [String: Any] ?? [:] { r[t] = error(v) }
            return r
          })
      }
    }
    return result
  }

  static func error(_ any: Any?) -> CompilerError? {
    guard let d = any as? [String: Any] else { return nil }
    return CompilerError(
      type: d["type"] as? String ?? "", message: d["message"] as? String ?? "", lines: d["lines"] as? [Int] ?? [],
      spans: d["spans"] as? [Int] ?? [])
  }

  /// Compares one fixture's verdicts with tl-lsp's errors, per statement and target.
  public static func compare(file: URL, text: String, verdicts: [StatementVerdict], targets: [String])
    -> [DifferentialOutcome]
  {
    let cleaned = text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { DiagnosticFixtures.isCaretLine($0) ? "" : String($0) }.joined(separator: "\n")
    let parsed = parse(cleaned)
    var out: [DifferentialOutcome] = []
    for t in targets {
      guard let arch = TargetArch(parsing: t) else { continue }
      var settings = DiagnosticFixtures.settings(for: text)
      settings.targets = [arch]
      let analysis = analyze(parsed: parsed, settings: settings)
      for v in verdicts {
        guard let factory = calledFunctionRange(parsed, statementLine: v.line) else { continue }
        let mine = analysis.diagnostics.filter { d in
          guard d.severity == .error, factory.contains(d.range.start) else { return false }
          guard let r = d.message.range(of: " from line ", options: .backwards) else { return true }
          let digits = d.message[r.upperBound...].prefix { $0.isNumber }
          return Int(digits) == v.line
        }
        let lines = mine.map { parsed.source.line(of: $0.range.start) + 1 }
        let theirs = v.error(for: t)
        var agrees = (theirs != nil) == !mine.isEmpty
        var note = ""
        if agrees, let e = theirs {
          // Where the traceback reaches a line inside the factory, one of our errors must be on it.
          let inside = e.lines.filter { factory.contains(parsed.source.lineRange($0 - 1).start) }
          // An error raised while a `for` header runs leaves only the generated code's frame, which the traceback
          // cannot map: its innermost line of the file is then the header of the prim_func being elaborated.
          if let innermost = inside.last, !lines.contains(innermost),
            !headerContainsError(parsed, line: innermost, in: factory, errors: mine),
            !errorInKernel(decoratedOn: innermost, parsed, errors: mine)
          {
            agrees = false
            note = "compiler points at line \(innermost)"
          }
          // Where a C++ message names the copy's buffers, one of our errors must be on that copy.
          if let names = e.bufferNames {
            let onCopy = mine.contains { d in
              analysis.copySites.contains {
                $0.range.contains(d.range.start) && $0.srcBuffer == names.src && $0.dstBuffer == names.dst
              }
            }
            if !onCopy {
              agrees = false
              note = "compiler names src=\(names.src), dst=\(names.dst)"
            }
          }
        }
        out.append(
          DifferentialOutcome(
            file: file.lastPathComponent, statementLine: v.line, target: t, compilerError: theirs, ourErrors: mine,
            ourLines: lines,
            agrees: agrees, note: note))
      }
    }
    return out
  }

  /// Whether `line` is in the decorators or `def` line of a function inside `factory` that holds one of `errors`.
  static func headerContainsError(_ parsed: ParsedFile, line: Int, in factory: TextRange, errors: [Diagnostic]) -> Bool
  {
    var found = false
    func visit(_ body: [Stmt]) {
      for s in body where !found {
        if case .functionDef(let f) = s.kind, factory.contains(s.range.start) {
          let first = parsed.source.line(of: s.range.start) + 1
          let bodyLine = f.body.first.map { parsed.source.line(of: $0.range.start) + 1 } ?? first
          if first <= line, line < bodyLine, errors.contains(where: { s.range.contains($0.range.start) }) {
            found = true
            return
          }
          visit(f.body)
        }
      }
    }
    visit(parsed.body)
    return found
  }

  /// Whether one of `errors` is inside the `@T.prim_func` whose decorator is on `line`. The front end raises some
  /// errors only after it has run the whole body (a `return` that leaves the PrimFunc unfinished): the traceback then
  /// ends at the kernel's decorator, which stands for the whole kernel.
  static func errorInKernel(decoratedOn line: Int, _ parsed: ParsedFile, errors: [Diagnostic]) -> Bool {
    func search(_ body: [Stmt]) -> Bool {
      for s in body {
        switch s.kind {
        case .functionDef(let f):
          let decorated = f.decorators.contains {
            parsed.source.line(of: $0.range.start) + 1 == line && parsed.source.text($0.range).hasSuffix("prim_func")
          }
          if decorated, errors.contains(where: { s.range.contains($0.range.start) }) { return true }
          if search(f.body) { return true }
        case .if(_, let b, let o), .while(_, let b, let o), .for(_, _, let b, let o, _):
          if search(b) || search(o) { return true }
        case .with(_, let b, _):
          if search(b) { return true }
        default:
          break
        }
      }
      return false
    }
    return search(parsed.body)
  }

  /// The range of the top-level function a `__main__` statement calls (`tiles(1024, 128)` → `def tiles`).
  static func calledFunctionRange(_ parsed: ParsedFile, statementLine: Int) -> TextRange? {
    var name: String?
    ASTWalker { e, _ in
      guard name == nil, case .call(let callee, _) = e.kind, case .name(let n) = callee.kind,
        parsed.source.line(of: e.range.start) + 1 == statementLine
      else { return }
      name = n
    }.walk(parsed.body)
    for s in parsed.body {
      if case .functionDef(let f) = s.kind, f.name == name { return s.range }
    }
    return nil
  }
}
