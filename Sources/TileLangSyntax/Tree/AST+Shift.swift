// Moving a subtree to new byte offsets: incremental parsing reuses the statements after an edit and moves every
// range in them by the edit's length change. Every node kind is listed (no `default`), so a new kind or field with
// a range does not compile until it is handled here.

extension TextRange {
  /// This range moved by `delta` bytes.
  @inline(__always) public func shifted(by delta: Int) -> TextRange { TextRange(start + delta, end + delta) }
  @inline(__always) func moved(_ delta: Int) -> TextRange { shifted(by: delta) }
}

extension Stmt {
  /// This statement with every range inside it moved by `delta` bytes.
  public func shifted(by delta: Int) -> Stmt {
    Stmt(kind.shifted(delta), range.moved(delta))
  }
}

extension Array where Element == Stmt {
  @inline(__always) func shifted(_ delta: Int) -> [Stmt] { map { $0.shifted(by: delta) } }
}

extension Array where Element == Expr {
  @inline(__always) func shifted(_ delta: Int) -> [Expr] { map { $0.shifted(delta) } }
}

extension Optional where Wrapped == Expr {
  @inline(__always) func shifted(_ delta: Int) -> Expr? { map { $0.shifted(delta) } }
}

extension StmtKind {
  func shifted(_ d: Int) -> StmtKind {
    switch self {
    case .expr(let e): return .expr(e.shifted(d))
    case .assign(let targets, let value): return .assign(targets: targets.shifted(d), value: value.shifted(d))
    case .augAssign(let target, let op, let value):
      return .augAssign(target: target.shifted(d), op: op, value: value.shifted(d))
    case .annAssign(let target, let annotation, let value):
      return .annAssign(target: target.shifted(d), annotation: annotation.shifted(d), value: value.shifted(d))
    case .functionDef(let f):
      return .functionDef(
        FunctionDef(
          name: f.name, nameRange: f.nameRange.moved(d), decorators: f.decorators.shifted(d),
          params: f.params.shifted(d), returns: f.returns.shifted(d), body: f.body.shifted(d), isAsync: f.isAsync))
    case .classDef(let c):
      return .classDef(
        ClassDef(
          name: c.name, nameRange: c.nameRange.moved(d), decorators: c.decorators.shifted(d),
          bases: c.bases.map { $0.shifted(d) }, body: c.body.shifted(d)))
    case .return(let e): return .return(e.shifted(d))
    case .delete(let xs): return .delete(xs.shifted(d))
    case .pass, .break, .continue, .global, .nonlocal, .error: return self
    case .if(let test, let body, let orElse):
      return .if(test: test.shifted(d), body: body.shifted(d), orElse: orElse.shifted(d))
    case .for(let target, let iter, let body, let orElse, let isAsync):
      return .for(
        target: target.shifted(d), iter: iter.shifted(d), body: body.shifted(d), orElse: orElse.shifted(d),
        isAsync: isAsync)
    case .while(let test, let body, let orElse):
      return .while(test: test.shifted(d), body: body.shifted(d), orElse: orElse.shifted(d))
    case .with(let items, let body, let isAsync):
      return .with(
        items: items.map { WithItem(context: $0.context.shifted(d), target: $0.target.shifted(d)) },
        body: body.shifted(d), isAsync: isAsync)
    case .try(let body, let handlers, let orElse, let finalBody, let isStar):
      return .try(
        body: body.shifted(d),
        handlers: handlers.map {
          ExceptHandler(type: $0.type.shifted(d), name: $0.name, body: $0.body.shifted(d), range: $0.range.moved(d))
        },
        orElse: orElse.shifted(d), finalBody: finalBody.shifted(d), isStar: isStar)
    case .raise(let exc, let cause): return .raise(exc: exc.shifted(d), cause: cause.shifted(d))
    case .assert(let test, let msg): return .assert(test: test.shifted(d), msg: msg.shifted(d))
    case .import(let names): return .import(names.map { $0.shifted(d) })
    case .importFrom(let module, let names, let level):
      return .importFrom(module: module, names: names.map { $0.shifted(d) }, level: level)
    case .match(let subject, let cases):
      return .match(
        subject: subject.shifted(d),
        cases: cases.map {
          MatchCase(pattern: $0.pattern.shifted(d), guardExpr: $0.guardExpr.shifted(d), body: $0.body.shifted(d))
        })
    case .typeAlias(let name, let value): return .typeAlias(name: name.shifted(d), value: value.shifted(d))
    }
  }
}

extension ImportAlias {
  func shifted(_ d: Int) -> ImportAlias { ImportAlias(name: name, asName: asName, range: range.moved(d)) }
}

extension Argument {
  func shifted(_ d: Int) -> Argument {
    Argument(
      name: name, nameRange: nameRange?.moved(d), value: value.shifted(d), isDoubleStar: isDoubleStar,
      range: range.moved(d))
  }
}

extension Parameters {
  func shifted(_ d: Int) -> Parameters {
    Parameters(
      list.map {
        Parameter(
          name: $0.name, nameRange: $0.nameRange.moved(d), annotation: $0.annotation.shifted(d),
          defaultValue: $0.defaultValue.shifted(d), kind: $0.kind)
      })
  }
}

extension Comprehension {
  func shifted(_ d: Int) -> Comprehension {
    Comprehension(target: target.shifted(d), iter: iter.shifted(d), ifs: ifs.shifted(d), isAsync: isAsync)
  }
}

extension Expr {
  func shifted(_ d: Int) -> Expr {
    Expr(kind.shifted(d), range.moved(d))
  }
}

extension ExprKind {
  func shifted(_ d: Int) -> ExprKind {
    switch self {
    case .name, .int, .float, .imaginary, .string, .bool, .none, .ellipsis, .error: return self
    case .fstring(let values): return .fstring(values: values.shifted(d))
    case .attribute(let base, let name, let nameRange):
      return .attribute(base.shifted(d), name: name, nameRange: nameRange.moved(d))
    case .subscript(let base, let index): return .subscript(base.shifted(d), index: index.shifted(d))
    case .slice(let lower, let upper, let step):
      return .slice(lower: lower.shifted(d), upper: upper.shifted(d), step: step.shifted(d))
    case .call(let callee, let args): return .call(callee.shifted(d), args: args.map { $0.shifted(d) })
    case .binary(let op, let l, let r): return .binary(op, l.shifted(d), r.shifted(d))
    case .unary(let op, let x): return .unary(op, x.shifted(d))
    case .boolOp(let op, let xs): return .boolOp(op, xs.shifted(d))
    case .compare(let left, let rest):
      return .compare(left.shifted(d), rest.map { Comparison(op: $0.op, right: $0.right.shifted(d)) })
    case .ifExp(let test, let body, let orElse):
      return .ifExp(test: test.shifted(d), body: body.shifted(d), orElse: orElse.shifted(d))
    case .lambda(let params, let body): return .lambda(params.shifted(d), body: body.shifted(d))
    case .tuple(let xs): return .tuple(xs.shifted(d))
    case .list(let xs): return .list(xs.shifted(d))
    case .set(let xs): return .set(xs.shifted(d))
    case .dict(let items): return .dict(items.map { DictItem(key: $0.key.shifted(d), value: $0.value.shifted(d)) })
    case .listComp(let elt, let gens): return .listComp(elt.shifted(d), gens.map { $0.shifted(d) })
    case .setComp(let elt, let gens): return .setComp(elt.shifted(d), gens.map { $0.shifted(d) })
    case .generator(let elt, let gens): return .generator(elt.shifted(d), gens.map { $0.shifted(d) })
    case .dictComp(let key, let value, let gens):
      return .dictComp(key: key.shifted(d), value: value.shifted(d), gens.map { $0.shifted(d) })
    case .starred(let x): return .starred(x.shifted(d))
    case .namedExpr(let target, let value): return .namedExpr(target: target.shifted(d), value: value.shifted(d))
    case .await(let x): return .await(x.shifted(d))
    case .yield(let x): return .yield(x.shifted(d))
    case .yieldFrom(let x): return .yieldFrom(x.shifted(d))
    }
  }
}
