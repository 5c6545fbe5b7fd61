// Parser unit tests: precedence, CPython span conventions, with-items, recovery, depth limit, binary
// input and robustness on huge or random files.

import Foundation
import TileLangSyntax
import TileLangTestSupport
import Testing

struct ParserTests {
  func expr(_ text: String) -> Expr? {
    guard case .expr(let e)? = parse(text).body.first?.kind else { return nil }
    return e
  }

  func shape(_ e: Expr?) -> String {
    guard let e else { return "nil" }
    switch e.kind {
    case .name(let n): return n
    case .int(let v, _): return "\(v ?? -1)"
    case .binary(let op, let a, let b): return "(\(shape(a)) \(op.rawValue) \(shape(b)))"
    case .unary(let op, let a): return "(\(op.rawValue) \(shape(a)))"
    case .boolOp(let op, let vs): return "(" + vs.map(shape).joined(separator: " \(op.rawValue) ") + ")"
    case .compare(let l, let cs):
      return "(" + shape(l) + cs.map { " \($0.op.rawValue) \(shape($0.right))" }.joined() + ")"
    case .ifExp(let t, let b, let o): return "(\(shape(b)) if \(shape(t)) else \(shape(o)))"
    default: return "?"
    }
  }

  @Test func followsPythonPrecedence() {
    #expect(shape(expr("-2 ** -3 ** 4")) == "(- (2 ** (- (3 ** 4))))")
    #expect(shape(expr("a + b * c @ d - e")) == "((a + ((b * c) @ d)) - e)")
    #expect(shape(expr("a | b ^ c & d << 1")) == "(a | (b ^ (c & (d << 1))))")
    #expect(shape(expr("not a == b and c or d")) == "(((not (a == b)) and c) or d)")
    #expect(shape(expr("a < b <= c is not d not in e")) == "(a < b <= c is not d not in e)")
    #expect(shape(expr("a if b else c if d else e")) == "(a if b else (c if d else e))")
    #expect(shape(expr("~a ** 2")) == "(~ (a ** 2))")
  }

  @Test func usesCPythonSpans() throws {
    let text = "(a) + f(x for x in y)[0:128, bx, ::2]"
    let e = try #require(expr(text))
    #expect(e.range == TextRange(0, text.utf8.count))
    guard case .binary(_, let left, let right) = e.kind, case .subscript(let call, let index) = right.kind,
      case .call(_, let args) = call.kind, case .tuple(let items) = index.kind
    else {
      Issue.record("unexpected shape")
      return
    }
    #expect(left.range == TextRange(1, 2))
    #expect(args.first?.value.range == TextRange(7, 21))
    #expect(items.count == 3)
    if case .slice = items[0].kind {} else { Issue.record("first index should be a slice") }
    #expect(index.range == TextRange(22, 36))
  }

  @Test func parsesParenthesizedWithItemsAsSeparateItems() {
    let cases: [(String, Int)] = [
      ("with (a as b, c as d):\n pass\n", 2), ("with (a, b):\n pass\n", 2), ("with (a, b) as c:\n pass\n", 1),
      ("with T.Kernel(1, 2) as (bx, by):\n pass\n", 1), ("with a as b, c:\n pass\n", 2),
    ]
    for (text, count) in cases {
      let f = parse(text)
      guard case .with(let items, _, _)? = f.body.first?.kind else {
        Issue.record("not a with: \(text)")
        continue
      }
      #expect(items.count == count, "\(text)")
      #expect(f.diagnostics.isEmpty)
    }
  }

  @Test func functionDefStartsAtDefNotDecorator() throws {
    let f = parse("@T.prim_func\nasync def k(A: T.Tensor((1,), 'f'), /, *, b=2, **kw) -> None:\n    pass\n")
    let s = try #require(f.body.first)
    #expect(s.range.start == 13)
    guard case .functionDef(let d) = s.kind else { return }
    #expect(d.decorators.count == 1)
    #expect(d.isAsync)
    #expect(d.params.list.map(\.kind) == [.positionalOnly, .keywordOnly, .kwArgs])
  }

  @Test func recoversAndKeepsLaterStatements() {
    let f = parse("x = (1 +\ny = 2\ndef f(:\n    pass\nz = 3\n")
    #expect(!f.diagnostics.isEmpty)
    #expect(f.diagnostics.allSatisfy { $0.code == .TL001 })
    let last = f.body.last
    if case .assign(let targets, _)? = last?.kind, case .name("z")? = targets.first?.kind {
    } else {
      Issue.record("the last statement should be z = 3, got \(String(describing: last))")
    }
  }

  @Test func reportsHelpfulMessages() {
    #expect(parse("if x\n    y\n").diagnostics.first?.message == "expected ':'")
    #expect(parse("f(a, b\n").diagnostics.first?.message == "'(' was never closed")
    #expect(parse("x = 1\n  y = 2\n").diagnostics.first?.message == "unexpected indent")
    #expect(
      parse("if x:\n    a\n  b\n").diagnostics.first?.message == "unindent does not match any outer indentation level")
    #expect(parse("x = )\n").diagnostics.first?.message == "unmatched ')'")
    #expect(parse("if x:\ny\n").diagnostics.first?.message.hasPrefix("expected an indented block") == true)
  }

  @Test func limitsNestingDepthWithOneTL002() {
    for text in [
      String(repeating: "(", count: 10_000), String(repeating: "[", count: 10_000) + "1",
      "x = " + String(repeating: "-", count: 10_000) + "1", "x = " + String(repeating: "not ", count: 10_000) + "a",
      "x = " + String(repeating: "f(", count: 10_000), "x = " + String(repeating: "lambda: ", count: 10_000) + "1",
      String(repeating: "2 ** ", count: 10_000) + "2", String(repeating: "f'{", count: 300) + "x",
    ] {
      let f = parse(text + "\ny = 1\n")
      #expect(f.diagnostics.filter { $0.code == .TL002 }.count <= 1)
      #expect(!f.diagnostics.isEmpty)
      #expect(f.body.count >= 1)
    }
    var deep = ""
    for i in 0..<1_000 { deep += String(repeating: " ", count: i) + "if x:\n" }
    deep += String(repeating: " ", count: 1_000) + "pass\n"
    let f = parse(deep)
    #expect(f.diagnostics.filter { $0.code == .TL002 }.count == 1)
  }

  @Test func reportsBinaryFilesOnceAsTL003() {
    let nul = parse(bytes: Array("x = 1\n".utf8) + [0, 1, 2])
    #expect(nul.diagnostics.map(\.code) == [.TL003])
    #expect(nul.diagnostics.first?.message.contains("offset 6") == true)
    let bad = parse(bytes: [0x78, 0x20, 0xFF, 0xFE, 0x80])
    #expect(bad.diagnostics.map(\.code) == [.TL003])
    #expect(bad.body.isEmpty)
  }

  @Test func parsesHugeFilesAndNeverHangsOnGarbage() {
    let kernel =
      "for k in T.Pipelined(T.ceildiv(K, block_K), num_stages=3):\n    T.copy(A[by * 128, k * 32], A_shared)\n"
    let big = String(repeating: kernel, count: 20_000_000 / kernel.utf8.count)
    let f = parse(big)
    #expect(f.diagnostics.isEmpty)
    #expect(f.body.count > 100_000)
    var rng = SeededGenerator(seed: 7)
    let alphabet = Array("()[]{}:,.;=+-*/'\"\\#\n \tabcdef0123456789@!<>%&|^~fr".utf8)
    for _ in 0..<300 {
      let count = Int(rng.next() % 200)
      let bytes = (0..<count).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
      let file = parse(bytes: bytes)
      #expect(SyntaxFixtures.invariantViolations(file).isEmpty, "\(String(decoding: bytes, as: UTF8.self))")
    }
  }

  @Test func parsesMatchAndSoftKeywordNames() {
    let f = parse(
      "match = 1\nmatch x:\n    case [a, *b] if a:\n        pass\n    case Point(x=0) as p:\n        pass\n")
    #expect(f.diagnostics.isEmpty)
    if case .match(_, let cases)? = f.body.last?.kind {
      #expect(cases.count == 2)
    } else {
      Issue.record("expected a match statement")
    }
  }

  @Test func parsesFStringFieldsAsExpressions() {
    guard case .fstring(let values)? = expr(#"f"{a.b!r:>{width}} {c=} {d["k"]}""#)?.kind else {
      Issue.record("expected an f-string")
      return
    }
    #expect(values.count == 4)
  }
}
