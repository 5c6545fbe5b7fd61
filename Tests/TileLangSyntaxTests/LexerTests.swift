// Lexer tests: token kinds and ranges for names, numbers, strings, f-strings, operators and layout.

@testable import TileLangSyntax
import Testing

struct LexerTests {
  func lex(_ text: String) -> (kinds: [TokenKind], texts: [String], errors: [String]) {
    let bytes = Array(text.utf8)
    var lexer = Lexer(bytes: bytes)
    let (tokens, diagnostics) = lexer.run()
    let texts = tokens.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
    return (tokens.map(\.kind), texts, diagnostics.map(\.message))
  }

  @Test func lexesOperatorsLongestFirst() {
    let r = lex("a := b -> c **= d //= e @= f ... g != h <<= i >>= j ** k // l")
    #expect(
      r.kinds.filter { $0 != .name } == [
        .colonEqual, .arrow, .doubleStarEqual, .doubleSlashEqual, .atEqual, .ellipsis, .notEqual, .leftShiftEqual,
        .rightShiftEqual, .doubleStar, .doubleSlash, .newline, .endOfFile,
      ])
  }

  @Test func lexesEveryNumberForm() {
    let r = lex("1_000 0x_fF 0o17 0b1 1. .5 1e-3 1_0.0_1E+1_0 3j 1.5J 0")
    #expect(
      r.kinds.prefix(11) == [.int, .int, .int, .int, .float, .float, .float, .float, .imaginary, .imaginary, .int])
    #expect(r.texts.prefix(3) == ["1_000", "0x_fF", "0o17"])
  }

  @Test func lexesStringPrefixesAndQuotes() {
    let r = lex(#"r'a' b"b" u'u' f"{x}" rb'x' BR"y" Rf'{z}' fR"w" '''t'q''' """d"""  'x'"#)
    #expect(
      r.kinds.prefix(10) == [
        .string, .string, .string, .fstring, .string, .string, .fstring, .fstring, .string, .string,
      ])
    #expect(r.errors.isEmpty)
  }

  @Test func lexesNestedFStrings() {
    let r = lex(#"f"{x:>{w}} {y!r} {z=} {d["k"]} {f'{a}'} {{lit}}" + 1"#)
    #expect(r.kinds == [.fstring, .plus, .int, .newline, .endOfFile])
    #expect(r.errors.isEmpty)
  }

  @Test func findsFStringFieldRanges() {
    let text = #"f"{x:>{w}} {y!r} {z = } {d['k']}""#
    let bytes = Array(text.utf8)
    var s = StringScanner(bytes: bytes, end: bytes.count)
    _ = s.scanLiteral(prefixStart: 0, quoteAt: 1, depth: 0, collect: true)
    let fields = s.fields.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
    #expect(fields == ["x", "w", "y", "z ", "d['k']"])
  }

  @Test func emitsIndentAndDedent() {
    let clean = lex("if a:\n    if b:\n        c\nd\n")
    #expect(
      clean.kinds == [
        .kwIf, .name, .colon, .newline, .indent, .kwIf, .name, .colon, .newline, .indent, .name, .newline, .dedent,
        .dedent, .name, .newline, .endOfFile,
      ])
  }

  @Test func treatsTabsAsMultiplesOfEight() {
    let r = lex("if a:\n\tb\n        c\n")
    #expect(r.errors.isEmpty == false)
    let ok = lex("if a:\n\tb\n\tc\n")
    #expect(ok.errors.isEmpty)
    #expect(ok.kinds.filter { $0 == .indent }.count == 1)
  }

  @Test func joinsLinesInsideBracketsAndAfterBackslash() {
    let r = lex("x = (1,\n  2)\ny = 1 + \\\n  2\n")
    #expect(r.kinds.filter { $0 == .newline }.count == 2)
    #expect(!r.kinds.contains(.indent))
  }

  @Test func handlesCRLFLoneCRAndBOM() {
    let r = lex("\u{FEFF}a = 1\r\nb = 2\rc = 3")
    #expect(r.kinds.filter { $0 == .newline }.count == 3)
    #expect(r.texts.first == "a")
  }

  @Test func lexesNonASCIIIdentifiers() {
    let r = lex("αβ = ñame + 変数")
    #expect(r.kinds.prefix(5) == [.name, .equal, .name, .plus, .name])
    #expect(r.texts[4] == "変数")
  }

  @Test func reportsInvalidCharactersAndUnterminatedStrings() {
    #expect(lex("x = a → b").errors.first?.hasPrefix("invalid character '→'") == true)
    #expect(lex("x = 'abc\ny = 1").errors == ["unterminated string literal (detected at line 1)"])
    #expect(lex("x = '''abc\ny = 1").errors.first?.hasPrefix("unterminated triple-quoted") == true)
  }

  @Test func closesBracketsBeforeAStatementKeyword() {
    let r = lex("f(a,\ndef g(): pass\n")
    #expect(r.errors == ["'(' was never closed"])
    #expect(r.kinds.contains(.kwDef))
    #expect(r.kinds.filter { $0 == .newline }.count == 2)
  }

  @Test func recognisesKeywordsButNotSoftKeywords() {
    let r = lex("match case type _ async await lambda nonlocal")
    #expect(r.kinds.prefix(8) == [.name, .name, .name, .name, .kwAsync, .kwAwait, .kwLambda, .kwNonlocal])
  }
}
