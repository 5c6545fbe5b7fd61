// The typed syntax tree of a Python file: statements and expressions with exact UTF-8 byte ranges.
// Node kinds and span conventions follow CPython's `ast` module (3.9+), so the oracle test can compare them.

/// An expression node. `range` follows CPython's span conventions (a parenthesised tuple includes its
/// parentheses; a parenthesised non-tuple expression does not).
public struct Expr: Sendable, Equatable {
  public var kind: ExprKind
  public var range: TextRange
  public init(_ kind: ExprKind, _ range: TextRange) {
    self.kind = kind
    self.range = range
  }
}

public enum ExprContext: Sendable { case load, store, del }

/// Leaf and list cases are stored inline (no allocation); cases that hold an `Expr` directly are `indirect`.
public enum ExprKind: Sendable, Equatable {
  case name(String)
  /// An integer literal; `value` is nil when it does not fit in `Int`.
  case int(value: Int?, text: String)
  case float(Double)
  case imaginary(String)
  /// A (possibly implicitly concatenated) str or bytes literal, with its decoded value.
  case string(String, isBytes: Bool)
  /// An f-string (`JoinedStr`); `values` holds the interpolated expressions in order.
  case fstring(values: [Expr])
  case bool(Bool)
  case none
  case ellipsis
  indirect case attribute(Expr, name: String, nameRange: TextRange)
  indirect case `subscript`(Expr, index: Expr)
  indirect case slice(lower: Expr?, upper: Expr?, step: Expr?)
  indirect case call(Expr, args: [Argument])
  indirect case binary(BinaryOp, Expr, Expr)
  indirect case unary(UnaryOp, Expr)
  case boolOp(BoolOp, [Expr])
  indirect case compare(Expr, [Comparison])
  indirect case ifExp(test: Expr, body: Expr, orElse: Expr)
  indirect case lambda(Parameters, body: Expr)
  case tuple([Expr])
  case list([Expr])
  case set([Expr])
  /// `key == nil` means `**value`.
  case dict([DictItem])
  indirect case listComp(Expr, [Comprehension])
  indirect case setComp(Expr, [Comprehension])
  indirect case generator(Expr, [Comprehension])
  indirect case dictComp(key: Expr, value: Expr, [Comprehension])
  indirect case starred(Expr)
  indirect case namedExpr(target: Expr, value: Expr)
  indirect case await(Expr)
  indirect case yield(Expr?)
  indirect case yieldFrom(Expr)
  /// A placeholder where an expression was expected but could not be parsed.
  case error
}

public enum BinaryOp: String, Sendable {
  case add = "+", sub = "-", mul = "*", matMul = "@", div = "/", floorDiv = "//", mod = "%", pow = "**"
  case lShift = "<<", rShift = ">>", bitOr = "|", bitXor = "^", bitAnd = "&"
}

public enum UnaryOp: String, Sendable { case not = "not", neg = "-", pos = "+", invert = "~" }
public enum BoolOp: String, Sendable { case and, or }
public enum CompareOp: String, Sendable {
  case eq = "==", notEq = "!=", lt = "<", ltE = "<=", gt = ">", gtE = ">=", `is` = "is", isNot = "is not"
  case `in` = "in", notIn = "not in"
}

public struct Comparison: Sendable, Equatable {
  public var op: CompareOp
  public var right: Expr
  public init(op: CompareOp, right: Expr) {
    self.op = op
    self.right = right
  }
}

/// A call argument: positional (`name == nil`), keyword (`name = value`), `*value` (positional starred
/// is represented as a positional `.starred` expression) or `**value` (`isDoubleStar`).
public struct Argument: Sendable, Equatable {
  public var name: String?
  public var nameRange: TextRange?
  public var value: Expr
  public var isDoubleStar: Bool
  /// The whole argument text, including `name=`.
  public var range: TextRange
  public init(name: String?, nameRange: TextRange?, value: Expr, isDoubleStar: Bool = false, range: TextRange) {
    self.name = name
    self.nameRange = nameRange
    self.value = value
    self.isDoubleStar = isDoubleStar
    self.range = range
  }
}

public struct DictItem: Sendable, Equatable {
  public var key: Expr?
  public var value: Expr
  public init(key: Expr?, value: Expr) {
    self.key = key
    self.value = value
  }
}

public struct Comprehension: Sendable, Equatable {
  public var target: Expr
  public var iter: Expr
  public var ifs: [Expr]
  public var isAsync: Bool
  public init(target: Expr, iter: Expr, ifs: [Expr], isAsync: Bool) {
    self.target = target
    self.iter = iter
    self.ifs = ifs
    self.isAsync = isAsync
  }
}

public struct Parameter: Sendable, Equatable {
  public enum Kind: Sendable, Equatable { case positionalOnly, normal, varArgs, keywordOnly, kwArgs }
  public var name: String
  public var nameRange: TextRange
  public var annotation: Expr?
  public var defaultValue: Expr?
  public var kind: Kind
  public init(name: String, nameRange: TextRange, annotation: Expr?, defaultValue: Expr?, kind: Kind) {
    self.name = name
    self.nameRange = nameRange
    self.annotation = annotation
    self.defaultValue = defaultValue
    self.kind = kind
  }
}

public struct Parameters: Sendable, Equatable {
  public var list: [Parameter]
  public init(_ list: [Parameter] = []) { self.list = list }
}

// MARK: - Statements

public struct Stmt: Sendable, Equatable {
  public var kind: StmtKind
  public var range: TextRange
  public init(_ kind: StmtKind, _ range: TextRange) {
    self.kind = kind
    self.range = range
  }
}

extension Stmt {
  /// The statement's extent with its decorators (CPython starts a decorated `def`'s range at `def`); it starts at
  /// the first decorator's expression, just after its `@`.
  public var extent: TextRange {
    let decorators: [Expr]
    switch kind {
    case .functionDef(let f): decorators = f.decorators
    case .classDef(let c): decorators = c.decorators
    default: decorators = []
    }
    guard let first = decorators.first else { return range }
    return TextRange(min(first.range.start, range.start), range.end)
  }
}

public struct FunctionDef: Sendable, Equatable {
  public var name: String
  public var nameRange: TextRange
  public var decorators: [Expr]
  public var params: Parameters
  public var returns: Expr?
  public var body: [Stmt]
  public var isAsync: Bool
  public init(
    name: String, nameRange: TextRange, decorators: [Expr], params: Parameters, returns: Expr?, body: [Stmt],
    isAsync: Bool
  ) {
    self.name = name
    self.nameRange = nameRange
    self.decorators = decorators
    self.params = params
    self.returns = returns
    self.body = body
    self.isAsync = isAsync
  }
}

public struct ClassDef: Sendable, Equatable {
  public var name: String
  public var nameRange: TextRange
  public var decorators: [Expr]
  public var bases: [Argument]
  public var body: [Stmt]
  public init(name: String, nameRange: TextRange, decorators: [Expr], bases: [Argument], body: [Stmt]) {
    self.name = name
    self.nameRange = nameRange
    self.decorators = decorators
    self.bases = bases
    self.body = body
  }
}

public struct WithItem: Sendable, Equatable {
  public var context: Expr
  public var target: Expr?
  public init(context: Expr, target: Expr?) {
    self.context = context
    self.target = target
  }
}

public struct ExceptHandler: Sendable, Equatable {
  public var type: Expr?
  public var name: String?
  public var body: [Stmt]
  public var range: TextRange
  public init(type: Expr?, name: String?, body: [Stmt], range: TextRange) {
    self.type = type
    self.name = name
    self.body = body
    self.range = range
  }
}

public struct ImportAlias: Sendable, Equatable {
  /// Dotted module or imported name, e.g. `tilelang.language`.
  public var name: String
  public var asName: String?
  public var range: TextRange
  public init(name: String, asName: String?, range: TextRange) {
    self.name = name
    self.asName = asName
    self.range = range
  }

  /// The local name the import binds: the `as` name, else the first part of the dotted name (`import a.b.c` binds
  /// `a`); empty for a name with no part (a recovered syntax error).
  public var boundName: String { asName ?? String(name.splitUTF8(UInt8(ascii: ".")).first ?? "") }
}

public struct MatchCase: Sendable, Equatable {
  /// The pattern, parsed as an expression (enough for navigation; patterns are not analysed).
  public var pattern: Expr
  public var guardExpr: Expr?
  public var body: [Stmt]
  public init(pattern: Expr, guardExpr: Expr?, body: [Stmt]) {
    self.pattern = pattern
    self.guardExpr = guardExpr
    self.body = body
  }
}

public indirect enum StmtKind: Sendable, Equatable {
  case expr(Expr)
  case assign(targets: [Expr], value: Expr)
  case augAssign(target: Expr, op: BinaryOp, value: Expr)
  case annAssign(target: Expr, annotation: Expr, value: Expr?)
  case functionDef(FunctionDef)
  case classDef(ClassDef)
  case `return`(Expr?)
  case delete([Expr])
  case pass
  case `break`
  case `continue`
  case `if`(test: Expr, body: [Stmt], orElse: [Stmt])
  case `for`(target: Expr, iter: Expr, body: [Stmt], orElse: [Stmt], isAsync: Bool)
  case `while`(test: Expr, body: [Stmt], orElse: [Stmt])
  case with(items: [WithItem], body: [Stmt], isAsync: Bool)
  case `try`(body: [Stmt], handlers: [ExceptHandler], orElse: [Stmt], finalBody: [Stmt], isStar: Bool)
  case raise(exc: Expr?, cause: Expr?)
  case assert(test: Expr, msg: Expr?)
  case `import`([ImportAlias])
  /// `level` counts leading dots; `module` is nil for `from . import x`.
  case importFrom(module: String?, names: [ImportAlias], level: Int)
  case global([String])
  case nonlocal([String])
  case match(subject: Expr, cases: [MatchCase])
  /// `type X = ...` (3.12).
  case typeAlias(name: Expr, value: Expr)
  /// A statement that could not be parsed; the parser reported a TL001 for it.
  case error
}

/// The result of parsing one file: the module body, every syntax error, and the source text.
public struct ParsedFile: Sendable {
  public var source: SourceText
  public var body: [Stmt]
  public var diagnostics: [Diagnostic]
  /// Offsets of the logical lines that start at column 0 outside brackets (where incremental parsing may resume).
  public var cleanStarts: [Int]
  /// Every call in the tree (the calls `ASTWalker` visits), each with its module-level statement, ordered by start
  /// offset, outer before inner. The parser records them as it builds them, so readers need not walk the tree. Nil
  /// for a tree assembled from an earlier parse (incremental parsing): walk the statements instead.
  public var callSites: [CallSite]?
  public init(
    source: SourceText, body: [Stmt], diagnostics: [Diagnostic], cleanStarts: [Int] = [], callSites: [CallSite]? = nil
  ) {
    self.source = source
    self.body = body
    self.diagnostics = diagnostics
    self.cleanStarts = cleanStarts
    self.callSites = callSites
  }
}

/// A call expression and the index of the module-level statement (in `ParsedFile.body`) it is part of.
public struct CallSite: Sendable, Equatable {
  public var statement: Int
  public var call: Expr
  public init(statement: Int, call: Expr) {
    self.statement = statement
    self.call = call
  }

  /// Each of `calls` with the module-level statement whose extent holds it (calls outside every statement are
  /// left out), ordered by start offset, outer before inner.
  public static func sites(of calls: [Expr], in body: [Stmt]) -> [CallSite] {
    let ordered = calls.sorted {
      $0.range.start != $1.range.start ? $0.range.start < $1.range.start : $0.range.end > $1.range.end
    }
    let extents = body.map(\.extent)
    var sites: [CallSite] = []
    sites.reserveCapacity(ordered.count)
    var i = 0
    for call in ordered {
      while i < extents.count, extents[i].end < call.range.end { i += 1 }
      guard i < extents.count else { break }
      if extents[i].start <= call.range.start { sites.append(CallSite(statement: i, call: call)) }
    }
    return sites
  }
}
