// JSONValue: the server's only JSON representation (a Sendable tree), with typed accessors and a
// deterministic encoder (object keys sorted) so that output and test expectations are stable.

import Foundation

enum JSONValue: Sendable, Hashable {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])
}

// MARK: - Accessors

extension JSONValue {
  subscript(key: String) -> JSONValue? {
    if case .object(let fields) = self { return fields[key] }
    return nil
  }

  subscript(index: Int) -> JSONValue? {
    if case .array(let items) = self, items.indices.contains(index) { return items[index] }
    return nil
  }

  var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  var intValue: Int? {
    switch self {
    case .int(let i): return i
    case .double(let d) where d.rounded() == d && abs(d) < 9.0e15: return Int(d)
    default: return nil
    }
  }

  var boolValue: Bool? {
    if case .bool(let b) = self { return b }
    return nil
  }

  var arrayValue: [JSONValue]? {
    if case .array(let a) = self { return a }
    return nil
  }

  var objectValue: [String: JSONValue]? {
    if case .object(let o) = self { return o }
    return nil
  }

  var isNull: Bool { self == .null }
}

// MARK: - Literals

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
  init(stringLiteral value: String) { self = .string(value) }
  init(integerLiteral value: Int) { self = .int(value) }
  init(booleanLiteral value: Bool) { self = .bool(value) }
  init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
  init(dictionaryLiteral elements: (String, JSONValue)...) {
    var fields: [String: JSONValue] = [:]
    for (k, v) in elements { fields[k] = v }
    self = .object(fields)
  }
}

extension JSONValue {
  /// An object without the keys whose value is nil (optional LSP fields are omitted, not null).
  static func object(omittingNils fields: [String: JSONValue?]) -> JSONValue {
    .object(fields.compactMapValues { $0 })
  }
}

// MARK: - Encoding

extension JSONValue {
  /// Compact UTF-8 JSON with sorted object keys.
  func encoded() -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(256)
    encode(into: &out)
    return out
  }

  var encodedString: String { String(decoding: encoded(), as: UTF8.self) }

  private func encode(into out: inout [UInt8]) {
    switch self {
    case .null: Self.append("null", to: &out)
    case .bool(let b): Self.append(b ? "true" : "false", to: &out)
    case .int(let i): Self.encodeInt(i, into: &out)
    case .double(let d):
      if d.isFinite {
        if d.rounded() == d && abs(d) < 1e15 {
          Self.encodeInt(Int(d), into: &out)
        } else {
          out.append(contentsOf: String(d).utf8)
        }
      } else {
        Self.append("null", to: &out)
      }
    case .string(let s): Self.encodeString(s, into: &out)
    case .array(let items):
      out.append(UInt8(ascii: "["))
      for (i, item) in items.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        item.encode(into: &out)
      }
      out.append(UInt8(ascii: "]"))
    case .object(let fields):
      out.append(UInt8(ascii: "{"))
      for (i, field) in fields.sorted(by: { $0.key < $1.key }).enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        Self.encodeString(field.key, into: &out)
        out.append(UInt8(ascii: ":"))
        field.value.encode(into: &out)
      }
      out.append(UInt8(ascii: "}"))
    }
  }

  private static func append(_ literal: StaticString, to out: inout [UInt8]) {
    out.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
  }

  /// Decimal digits without a temporary string.
  private static func encodeInt(_ i: Int, into out: inout [UInt8]) {
    if i < 0 { out.append(UInt8(ascii: "-")) }
    var v = i.magnitude
    let start = out.count
    repeat {
      out.append(UInt8(ascii: "0") + UInt8(v % 10))
      v /= 10
    } while v > 0
    out[start...].reverse()
  }

  private static func encodeString(_ s: String, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    // Most strings need no escape: copy them whole.
    if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
      out.append(contentsOf: s.utf8)
      out.append(UInt8(ascii: "\""))
      return
    }
    for byte in s.utf8 {
      switch byte {
      case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
      case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
      case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
      case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
      case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
      case 0x00..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
      default: out.append(byte)
      }
    }
    out.append(UInt8(ascii: "\""))
  }
}
