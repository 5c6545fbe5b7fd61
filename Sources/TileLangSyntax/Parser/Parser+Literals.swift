// Parser rules for literals: numbers (validated, with values), string concatenation with escape
// decoding, and f-strings, whose replacement fields are parsed as expressions by a nested parser.

extension Parser {
  // MARK: - Strings

  /// One or more adjacent string tokens: a single (implicitly concatenated) node.
  mutating func parseStrings() -> Expr {
    let start = tok.start
    var value = ""
    var values: [Expr] = []
    var isF = false
    var isBytes: Bool?
    var progress = LoopProgress()
    while kind == .string || kind == .fstring, progress.madeProgress(pos) {
      let t = tok
      let literal = StringLiteral(bytes: bytes, token: t)
      if let b = isBytes, b != literal.isBytes {
        error(SyntaxErrors.mixedBytes, at: t.range)
      }
      isBytes = literal.isBytes
      if t.kind == .fstring {
        isF = true
        values += parseFStringFields(t)
      } else {
        value += literal.decoded(bytes)
      }
      advance()
    }
    let range = TextRange(start, lastEnd)
    return isF ? Expr(.fstring(values: values), range) : Expr(.string(value, isBytes: isBytes ?? false), range)
  }

  /// Parses every replacement-field expression of f-string token `t` with a nested parser.
  mutating func parseFStringFields(_ t: Token) -> [Expr] {
    var scanner = StringScanner(bytes: bytes, end: t.end)
    let quoteAt = StringLiteral.quoteOffset(bytes, t)
    _ = scanner.scanLiteral(prefixStart: t.start, quoteAt: quoteAt, depth: 0, collect: true)
    var values: [Expr] = []
    for field in scanner.fields {
      var sub = Parser(source: source, fieldRange: field, depth: depth + 1)
      guard sub.kind != .endOfFile else {
        error(SyntaxErrors.emptyFStringField, at: TextRange(field.start, field.start))
        continue
      }
      if depth + 1 > Parser.maxDepth {
        values.append(Expr(.error, field))
        continue
      }
      let e = sub.parseStarExpressionsOrYield()
      if sub.kind != .endOfFile { sub.errorAtCurrent(SyntaxErrors.invalidSyntax) }
      values.append(e)
      calls += sub.calls
      for d in sub.lexerDiagnostics + sub.diagnostics where !suppressErrors {
        if d.code == .TL002 {
          if reportedTooDeep { continue }
          reportedTooDeep = true
        }
        diagnostics.append(d)
        lastErrorOffset = max(lastErrorOffset, d.range.start)
      }
    }
    return values
  }

  // MARK: - Numbers

  /// The token text without `_` separators.
  func literalDigits(_ t: Token) -> String {
    var s = ""
    for b in bytes[max(0, t.start)..<min(t.end, bytes.count)] where b != UInt8(ascii: "_") {
      s.unicodeScalars.append(UnicodeScalar(b))
    }
    return s
  }

  /// An int literal's value (nil when it does not fit `Int`); malformed literals are reported.
  mutating func parseIntLiteral(_ t: Token) -> ExprKind {
    let raw = text(t)
    // Fast path: plain decimal digits without a leading zero, short enough not to overflow.
    if t.end > t.start, t.end - t.start <= 18, bytes[t.start] != UInt8(ascii: "0") || t.end - t.start == 1 {
      var value = 0
      var plain = true
      for b in bytes[t.start..<t.end] {
        guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else {
          plain = false
          break
        }
        value = value * 10 + Int(b - UInt8(ascii: "0"))
      }
      if plain { return .int(value: value, text: raw) }
    }
    var digits = Substring(raw)
    var radix = 10
    if raw.count >= 2, raw.hasPrefix("0") {
      switch raw.dropFirst().first {
      case "x", "X": radix = 16
      case "o", "O": radix = 8
      case "b", "B": radix = 2
      default: break
      }
      if radix != 10 { digits = raw.dropFirst(2) }
    }
    if radix != 10, digits.hasPrefix("_") { digits = digits.dropFirst() }
    let valid =
      !digits.isEmpty && !digits.hasSuffix("_") && !digits.containsUTF8("__")
      && digits.allSatisfy { $0 == "_" || ($0.hexDigitValue.map { $0 < radix } ?? false) }
    if !valid {
      error(SyntaxErrors.invalidNumber, at: t.range)
      return .int(value: nil, text: raw)
    }
    if radix == 10, digits.count > 1, digits.hasPrefix("0"), digits.contains(where: { $0 != "0" && $0 != "_" }) {
      error(SyntaxErrors.leadingZeros, at: t.range)
    }
    return .int(value: Int(digits.filter { $0 != "_" }, radix: radix), text: raw)
  }
}

/// The parts of one string token: prefix flags and the body between the quotes.
struct StringLiteral {
  var isBytes = false
  var isRaw = false
  var bodyStart: Int
  var bodyEnd: Int

  init(bytes: [UInt8], token t: Token) {
    let quoteAt = StringLiteral.quoteOffset(bytes, t)
    var i = t.start
    while i < quoteAt {
      switch bytes[i] | 0x20 {
      case UInt8(ascii: "b"): isBytes = true
      case UInt8(ascii: "r"): isRaw = true
      default: break
      }
      i += 1
    }
    let q = quoteAt < t.end ? bytes[quoteAt] : 0
    let triple =
      quoteAt + 2 < t.end && bytes[quoteAt + 1] == q && bytes[quoteAt + 2] == q
      && t.end - quoteAt >= 6
    let width = triple ? 3 : 1
    bodyStart = min(quoteAt + width, t.end)
    var end = t.end
    var k = 0
    while k < width, end > bodyStart, bytes[end - 1] == q {
      end -= 1
      k += 1
    }
    bodyEnd = end
  }

  /// Offset of the opening quote (after the prefix letters).
  static func quoteOffset(_ bytes: [UInt8], _ t: Token) -> Int {
    var i = t.start
    while i < t.end, i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "'") { i += 1 }
    return i
  }

  /// The literal's value with escapes processed (raw strings verbatim; unknown escapes kept).
  func decoded(_ bytes: [UInt8]) -> String {
    let body = bytes[bodyStart..<max(bodyStart, bodyEnd)]
    if isRaw || !body.contains(UInt8(ascii: "\\")) {
      return String(decoding: body, as: UTF8.self)
    }
    var out: [UInt8] = []
    out.reserveCapacity(body.count)
    var i = body.startIndex
    func hexValue(_ from: Int, _ count: Int) -> UInt32? {
      guard from + count <= body.endIndex else { return nil }
      var v: UInt32 = 0
      for j in from..<(from + count) {
        guard let d = Character(UnicodeScalar(body[j])).hexDigitValue else { return nil }
        v = v * 16 + UInt32(d)
      }
      return v
    }
    func appendScalar(_ v: UInt32) {
      if let s = Unicode.Scalar(v) { out += Array(String(Character(s)).utf8) }
    }
    while i < body.endIndex {
      let c = body[i]
      guard c == UInt8(ascii: "\\"), i + 1 < body.endIndex else {
        out.append(c)
        i += 1
        continue
      }
      let n = body[i + 1]
      i += 2
      switch n {
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "0")...UInt8(ascii: "7"):
        var v = UInt32(n - 48)
        var k = 0
        while k < 2, i < body.endIndex, body[i] >= 48, body[i] <= 55 {
          v = v * 8 + UInt32(body[i] - 48)
          i += 1
          k += 1
        }
        appendScalar(v)
      case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
        let count = n == UInt8(ascii: "x") ? 2 : (n == UInt8(ascii: "u") ? 4 : 8)
        if !(isBytes && n != UInt8(ascii: "x")), let v = hexValue(i, count) {
          appendScalar(v)
          i += count
        } else {
          out += [UInt8(ascii: "\\"), n]
        }
      case UInt8(ascii: "a"): out.append(0x07)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "v"): out.append(0x0B)
      case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""): out.append(n)
      case 0x0A: break
      case 0x0D:
        if i < body.endIndex, body[i] == 0x0A { i += 1 }
      default: out += [UInt8(ascii: "\\"), n]
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}
