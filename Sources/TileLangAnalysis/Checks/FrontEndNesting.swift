// TL224: kernel bodies nested deeper than CPython compiles. The eager front end (tilelang/language/eager/ast.py)
// rewrites a `@T.prim_func`, `@T.macro` or eager `@tilelang.jit` body into Python it then compiles, and the rewrite
// nests more than the source: an `if` becomes two nested `for` loops (`for br in ctx_if(c): for _ in ctx_then(br):`,
// the `else` a sibling loop at the same depth, so an `elif` adds two more), a `for` one loop, or a `with` + `for` +
// `try` when its body has a `break`/`continue` (a `with` + `for` when it only returns), a `while` one loop (plus a
// `try` with `break`/`continue`), a `with` (the `T.Kernel` too) one block. CPython allows 20 nested blocks per
// function, so a deeper body fails to elaborate ("too many statically nested blocks") on every target. Each function
// counts on its own (a macro's body starts again at 0). Checked with 0.1.15 (sweep L): if/elif chains of 9 and 10
// branches, 9 and 10 nested ifs, 19 nested fors, loops of 1, 2 and 4 around 8 or 9 ifs, a while with and without
// break; the tilelang-debugger unified kernel (a 10-branch chain) fails in every branch.

import TileLangSyntax

enum FrontEndNesting {
  /// CPython's CO_MAXBLOCKS.
  static let limit = 20

  /// TL224 at the first statement of each rewritten function that opens block 21, in the module-level statements
  /// `onlyTopLevel` (all when nil).
  static func check(_ module: ModuleIndex, parsed: ParsedFile, onlyTopLevel: Set<Int>?) -> [Diagnostic] {
    guard module.importsTilelang else { return [] }
    var out: [Diagnostic] = []
    for entry in module.functions where onlyTopLevel?.contains(entry.topLevel) ?? true {
      guard [.primFunc, .macro, .eagerJit].contains(entry.kind),
        let (stmt, depth) = firstTooDeep(entry.def.body, depth: 0)
      else { continue }
      let keyword = keywordRange(stmt, parsed.source)
      let kind = parsed.source.text(keyword)
      out.append(
        Diagnostic(
          .TL224,
          "this \(kind) opens block \(depth) of \(entry.def.name) as the DSL front end rewrites it (each if becomes two nested Python loops, so an elif adds two more; each for or while one loop, three with break or continue; each with one block), and CPython allows \(limit) nested blocks per function: elaboration fails on every target (\"too many statically nested blocks\"); split the if/elif chain, or move the inner part into a T.macro",
          at: keyword))
    }
    return out
  }

  /// The first statement whose blocks reach past the limit, and the depth it reaches.
  static func firstTooDeep(_ body: [Stmt], depth: Int) -> (Stmt, Int)? {
    for stmt in body {
      var inner: [[Stmt]] = []
      var opens = 0
      switch stmt.kind {
      case .if(_, let then, let orElse):
        opens = 2
        inner = [then, orElse]
      case .for(_, _, let loopBody, _, _):
        let exits = loopExits(loopBody)
        opens = exits.control ? 3 : (exits.returns ? 2 : 1)
        inner = [loopBody]
      case .while(_, let loopBody, _):
        opens = loopExits(loopBody).control ? 2 : 1
        inner = [loopBody]
      case .with(_, let withBody, _):
        opens = 1
        inner = [withBody]
      case .try(let tryBody, let handlers, let orElse, let finalBody, _):
        opens = 1
        inner = [tryBody, orElse, finalBody] + handlers.map(\.body)
      default:
        continue
      }
      if depth + opens > limit { return (stmt, depth + opens) }
      for b in inner {
        if let found = firstTooDeep(b, depth: depth + opens) { return found }
      }
    }
    return nil
  }

  /// Whether a loop body has a `break`/`continue` of its own (not of a nested loop) and a `return` anywhere (the
  /// front end's LoopControlFinder; nested functions are not looked into).
  static func loopExits(_ body: [Stmt]) -> (control: Bool, returns: Bool) {
    var control = false
    var returns = false
    func visit(_ stmts: [Stmt], nested: Bool) {
      for s in stmts {
        switch s.kind {
        case .break, .continue: if !nested { control = true }
        case .return: returns = true
        case .if(_, let a, let b): visit(a + b, nested: nested)
        case .with(_, let a, _): visit(a, nested: nested)
        case .for(_, _, let a, let b, _), .while(_, let a, let b): visit(a + b, nested: true)
        case .try(let a, let handlers, let b, let c, _): visit(a + b + c + handlers.flatMap(\.body), nested: nested)
        case .match(_, let cases): visit(cases.flatMap(\.body), nested: nested)
        default: break
        }
      }
    }
    visit(body, nested: false)
    return (control, returns)
  }

  /// The statement's keyword (`if`, `elif`, `for`, `while`, `with`, `try`), or its whole range.
  static func keywordRange(_ stmt: Stmt, _ source: SourceText) -> TextRange {
    let text = source.text(TextRange(stmt.range.start, min(stmt.range.end, stmt.range.start + 6)))
    for k in ["elif", "while", "with", "for", "if", "try"] where text.hasPrefix(k) {
      return TextRange(stmt.range.start, stmt.range.start + k.utf8.count)
    }
    return stmt.range
  }
}
