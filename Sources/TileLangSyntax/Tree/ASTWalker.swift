// ASTWalker: visits every expression of a tree in source order, telling the innermost enclosing function.
// Iterative over statements and bounded in expression depth, so deep trees cannot overflow the stack.

public struct ASTWalker {
  public typealias Visit = (_ expr: Expr, _ function: String?) -> Void
  let visit: Visit
  static let maxDepth = 400

  public init(_ visit: @escaping Visit) { self.visit = visit }

  public func walk(_ body: [Stmt], function: String? = nil) {
    for s in body { walk(s, function) }
  }

  /// Visits `e` and every expression inside it.
  public func walk(expression e: Expr) { expr(e, nil, 0) }

  private func walk(_ s: Stmt, _ fn: String?) {
    switch s.kind {
    case .expr(let e), .return(.some(let e)): expr(e, fn, 0)
    case .assign(let targets, let value):
      for t in targets { expr(t, fn, 0) }
      expr(value, fn, 0)
    case .augAssign(let t, _, let v):
      expr(t, fn, 0)
      expr(v, fn, 0)
    case .annAssign(let t, let a, let v):
      expr(t, fn, 0)
      expr(a, fn, 0)
      if let v { expr(v, fn, 0) }
    case .functionDef(let f):
      for d in f.decorators { expr(d, fn, 0) }
      for p in f.params.list {
        if let a = p.annotation { expr(a, f.name, 0) }
        if let d = p.defaultValue { expr(d, fn, 0) }
      }
      if let r = f.returns { expr(r, fn, 0) }
      walk(f.body, function: f.name)
    case .classDef(let c):
      for d in c.decorators { expr(d, fn, 0) }
      for b in c.bases { expr(b.value, fn, 0) }
      walk(c.body, function: fn)
    case .if(let t, let b, let o), .while(let t, let b, let o):
      expr(t, fn, 0)
      walk(b, function: fn)
      walk(o, function: fn)
    case .for(let t, let i, let b, let o, _):
      expr(t, fn, 0)
      expr(i, fn, 0)
      walk(b, function: fn)
      walk(o, function: fn)
    case .with(let items, let b, _):
      for item in items {
        expr(item.context, fn, 0)
        if let t = item.target { expr(t, fn, 0) }
      }
      walk(b, function: fn)
    case .try(let b, let handlers, let o, let f, _):
      walk(b, function: fn)
      for h in handlers {
        if let t = h.type { expr(t, fn, 0) }
        walk(h.body, function: fn)
      }
      walk(o, function: fn)
      walk(f, function: fn)
    case .raise(let e, let c):
      if let e { expr(e, fn, 0) }
      if let c { expr(c, fn, 0) }
    case .assert(let t, let m):
      expr(t, fn, 0)
      if let m { expr(m, fn, 0) }
    case .delete(let es):
      for e in es { expr(e, fn, 0) }
    case .match(let subject, let cases):
      expr(subject, fn, 0)
      for c in cases {
        // Patterns are not expressions that run (`Point(x=0)` matches, it does not call); guards are.
        if let g = c.guardExpr { expr(g, fn, 0) }
        walk(c.body, function: fn)
      }
    case .typeAlias(let n, let v):
      expr(n, fn, 0)
      expr(v, fn, 0)
    case .return(.none), .pass, .break, .continue, .import, .importFrom, .global, .nonlocal, .error:
      break
    }
  }

  private func expr(_ e: Expr, _ fn: String?, _ depth: Int) {
    guard depth < Self.maxDepth else { return }
    visit(e, fn)
    let d = depth + 1
    switch e.kind {
    case .attribute(let b, _, _): expr(b, fn, d)
    case .subscript(let b, let i):
      expr(b, fn, d)
      expr(i, fn, d)
    case .slice(let l, let u, let s):
      if let l { expr(l, fn, d) }
      if let u { expr(u, fn, d) }
      if let s { expr(s, fn, d) }
    case .call(let c, let args):
      expr(c, fn, d)
      for a in args { expr(a.value, fn, d) }
    case .binary(_, let l, let r):
      expr(l, fn, d)
      expr(r, fn, d)
    case .unary(_, let x), .starred(let x), .await(let x), .yieldFrom(let x), .yield(.some(let x)): expr(x, fn, d)
    case .boolOp(_, let xs), .tuple(let xs), .list(let xs), .set(let xs), .fstring(let xs):
      for x in xs { expr(x, fn, d) }
    case .compare(let l, let cs):
      expr(l, fn, d)
      for c in cs { expr(c.right, fn, d) }
    case .ifExp(let t, let b, let o):
      expr(b, fn, d)
      expr(t, fn, d)
      expr(o, fn, d)
    case .lambda(let params, let body):
      for p in params.list {
        if let a = p.annotation { expr(a, fn, d) }
        if let v = p.defaultValue { expr(v, fn, d) }
      }
      expr(body, fn, d)
    case .dict(let items):
      for i in items {
        if let k = i.key { expr(k, fn, d) }
        expr(i.value, fn, d)
      }
    case .listComp(let x, let gens), .setComp(let x, let gens), .generator(let x, let gens):
      generators(gens, fn, d)
      expr(x, fn, d)
    case .dictComp(let k, let v, let gens):
      generators(gens, fn, d)
      expr(k, fn, d)
      expr(v, fn, d)
    case .namedExpr(let t, let v):
      expr(t, fn, d)
      expr(v, fn, d)
    case .name, .int, .float, .imaginary, .string, .bool, .none, .ellipsis, .yield(.none), .error: break
    }
  }

  /// A comprehension's `for` clauses: each iterable, target and condition.
  private func generators(_ gens: [Comprehension], _ fn: String?, _ d: Int) {
    for g in gens {
      expr(g.iter, fn, d)
      expr(g.target, fn, d)
      for c in g.ifs { expr(c, fn, d) }
    }
  }
}
