// Test helpers for the syntax layer: fixture discovery from #filePath, a generic node view of the typed
// tree, the `.tree` dump format, tree invariants, and the projection compared with CPython's `ast`.

import Foundation
import TileLangSyntax

/// A uniform view of one tree node: `emit` says whether the oracle projection lists the node itself,
/// `descend` whether it walks into its children (f-string insides and match patterns are skipped).
public struct SyntaxNodeView: Sendable {
  public var name: String
  public var range: TextRange
  public var children: [SyntaxNodeView]
  public var emit: Bool
  public var descend: Bool
}

public enum SyntaxFixtures {
  /// `Tests/Fixtures` of this checkout, found from this file's own path (so update mode writes there).
  public static func fixturesDirectory(filePath: String = #filePath) -> URL {
    URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Tests/Fixtures")
  }

  /// Sorted `.py` files of a fixture folder such as `parser/ok`.
  public static func pythonFiles(in folder: String) -> [URL] {
    let dir = fixturesDirectory().appendingPathComponent(folder)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
    return names.filter { $0.hasSuffix(".py") }.sorted().map { dir.appendingPathComponent($0) }
  }

  /// The text of a fixture file from the line starting with `start` up to the one starting with `end`, without its
  /// comment lines (the expectations): one kernel factory to embed in a test's own module.
  public static func excerpt(_ path: String, from start: String, to end: String) -> String? {
    guard let text = try? String(contentsOf: fixturesDirectory().appendingPathComponent(path), encoding: .utf8),
      let s = text.range(of: start), let e = text.range(of: end, range: s.upperBound..<text.endIndex)
    else { return nil }
    return text[s.lowerBound..<e.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }.joined(separator: "\n")
  }

  public static var isUpdateMode: Bool { ProcessInfo.processInfo.environment["TL_UPDATE_FIXTURES"] == "1" }

  // MARK: - Views

  public static func views(_ file: ParsedFile) -> [SyntaxNodeView] { statements(file.body) }

  static func statements(_ body: [Stmt]) -> [SyntaxNodeView] {
    var out: [SyntaxNodeView] = []
    for s in body {
      switch s.kind {
      case .functionDef(let d): out += d.decorators.map(decorator)
      case .classDef(let d): out += d.decorators.map(decorator)
      default: break
      }
      out.append(view(s))
    }
    return out
  }

  static func decorator(_ e: Expr) -> SyntaxNodeView {
    SyntaxNodeView(name: "Decorator", range: e.range, children: [view(e)], emit: false, descend: true)
  }

  static func node(_ name: String, _ range: TextRange, _ children: [SyntaxNodeView]) -> SyntaxNodeView {
    SyntaxNodeView(name: name, range: range, children: children, emit: true, descend: true)
  }

  static func wrapper(_ name: String, _ range: TextRange, _ children: [SyntaxNodeView]) -> SyntaxNodeView {
    SyntaxNodeView(name: name, range: range, children: children, emit: false, descend: true)
  }

  static func opt(_ e: Expr?) -> [SyntaxNodeView] { e.map { [view($0)] } ?? [] }

  static func params(_ p: Parameters) -> [SyntaxNodeView] {
    p.list.map { param in
      let kids = opt(param.annotation) + opt(param.defaultValue)
      let end = kids.last?.range.end ?? param.nameRange.end
      return wrapper("arg", TextRange(param.nameRange.start, end), kids)
    }
  }

  static func arguments(_ args: [Argument]) -> [SyntaxNodeView] {
    args.map { wrapper($0.name == nil && !$0.isDoubleStar ? "arg" : "keyword", $0.range, [view($0.value)]) }
  }

  static func comprehensions(_ cs: [Comprehension]) -> [SyntaxNodeView] {
    cs.map { c in
      let kids = [view(c.target), view(c.iter)] + c.ifs.map(view)
      return wrapper("comprehension", TextRange(c.target.range.start, kids.last?.range.end ?? c.iter.range.end), kids)
    }
  }

  public static func view(_ s: Stmt) -> SyntaxNodeView {
    let r = s.range
    switch s.kind {
    case .expr(let e): return node("Expr", r, [view(e)])
    case .assign(let targets, let value): return node("Assign", r, targets.map(view) + [view(value)])
    case .augAssign(let t, _, let v): return node("AugAssign", r, [view(t), view(v)])
    case .annAssign(let t, let a, let v): return node("AnnAssign", r, [view(t), view(a)] + opt(v))
    case .functionDef(let d):
      return node(
        d.isAsync ? "AsyncFunctionDef" : "FunctionDef", r, params(d.params) + opt(d.returns) + statements(d.body))
    case .classDef(let d): return node("ClassDef", r, arguments(d.bases) + statements(d.body))
    case .return(let v): return node("Return", r, opt(v))
    case .delete(let ts): return node("Delete", r, ts.map(view))
    case .pass: return node("Pass", r, [])
    case .break: return node("Break", r, [])
    case .continue: return node("Continue", r, [])
    case .if(let test, let body, let orElse): return node("If", r, [view(test)] + statements(body) + statements(orElse))
    case .for(let t, let iter, let body, let orElse, let isAsync):
      return node(isAsync ? "AsyncFor" : "For", r, [view(t), view(iter)] + statements(body) + statements(orElse))
    case .while(let test, let body, let orElse):
      return node("While", r, [view(test)] + statements(body) + statements(orElse))
    case .with(let items, let body, let isAsync):
      let itemViews = items.map { item in
        let kids = [view(item.context)] + opt(item.target)
        return wrapper("withitem", TextRange(item.context.range.start, kids.last?.range.end ?? 0), kids)
      }
      return node(isAsync ? "AsyncWith" : "With", r, itemViews + statements(body))
    case .try(let body, let handlers, let orElse, let finalBody, let isStar):
      let hs = handlers.map { h in wrapper("ExceptHandler", h.range, opt(h.type) + statements(h.body)) }
      return node(isStar ? "TryStar" : "Try", r, statements(body) + hs + statements(orElse) + statements(finalBody))
    case .raise(let exc, let cause): return node("Raise", r, opt(exc) + opt(cause))
    case .assert(let test, let msg): return node("Assert", r, [view(test)] + opt(msg))
    case .import: return node("Import", r, [])
    case .importFrom: return node("ImportFrom", r, [])
    case .global: return node("Global", r, [])
    case .nonlocal: return node("Nonlocal", r, [])
    case .match(let subject, let cases):
      let cs = cases.map { c -> SyntaxNodeView in
        var pattern = view(c.pattern)
        pattern.emit = false
        pattern.descend = false
        pattern.name = "pattern"
        let kids = [pattern] + opt(c.guardExpr) + statements(c.body)
        return wrapper("match_case", TextRange(c.pattern.range.start, kids.last?.range.end ?? 0), kids)
      }
      return node("Match", r, [view(subject)] + cs)
    case .typeAlias(let name, let value): return node("TypeAlias", r, [view(name), view(value)])
    case .error: return node("Error", r, [])
    }
  }

  public static func view(_ e: Expr) -> SyntaxNodeView {
    let r = e.range
    switch e.kind {
    case .name: return node("Name", r, [])
    case .int, .float, .imaginary, .string, .bool, .none, .ellipsis: return node("Constant", r, [])
    case .fstring(let values):
      return SyntaxNodeView(name: "JoinedStr", range: r, children: values.map(view), emit: true, descend: false)
    case .attribute(let v, _, _): return node("Attribute", r, [view(v)])
    case .subscript(let v, let index): return node("Subscript", r, [view(v), view(index)])
    case .slice(let lo, let hi, let step): return node("Slice", r, opt(lo) + opt(hi) + opt(step))
    case .call(let f, let args): return node("Call", r, [view(f)] + arguments(args))
    case .binary(_, let a, let b): return node("BinOp", r, [view(a), view(b)])
    case .unary(_, let a): return node("UnaryOp", r, [view(a)])
    case .boolOp(_, let vs): return node("BoolOp", r, vs.map(view))
    case .compare(let l, let cs): return node("Compare", r, [view(l)] + cs.map { view($0.right) })
    case .ifExp(let test, let body, let orElse): return node("IfExp", r, [view(body), view(test), view(orElse)])
    case .lambda(let p, let body): return node("Lambda", r, params(p) + [view(body)])
    case .tuple(let items): return node("Tuple", r, items.map(view))
    case .list(let items): return node("List", r, items.map(view))
    case .set(let items): return node("Set", r, items.map(view))
    case .dict(let items):
      return node("Dict", r, items.flatMap { opt($0.key) + [view($0.value)] })
    case .listComp(let elt, let cs): return node("ListComp", r, [view(elt)] + comprehensions(cs))
    case .setComp(let elt, let cs): return node("SetComp", r, [view(elt)] + comprehensions(cs))
    case .generator(let elt, let cs): return node("GeneratorExp", r, [view(elt)] + comprehensions(cs))
    case .dictComp(let k, let v, let cs): return node("DictComp", r, [view(k), view(v)] + comprehensions(cs))
    case .starred(let v): return node("Starred", r, [view(v)])
    case .namedExpr(let t, let v):
      // `pattern as name` in a case pattern puts the target after the value.
      return node("NamedExpr", r, [view(t), view(v)].sorted { $0.range.start < $1.range.start })
    case .await(let v): return node("Await", r, [view(v)])
    case .yield(let v): return node("Yield", r, opt(v))
    case .yieldFrom(let v): return node("YieldFrom", r, [view(v)])
    case .error: return node("Error", r, [])
    }
  }
}
