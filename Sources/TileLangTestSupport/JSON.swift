// A client-side JSON value for protocol tests, independent of the server's JSONValue so the two cannot share
// a bug. Compared and printed with sorted keys; not nil-literal convertible, so `nil` always means Optional.

import Foundation

public enum JSON: Sendable, Hashable, CustomStringConvertible {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSON])
  case object([String: JSON])

  /// Missing keys and non-objects read as `.null`, so tests can chain lookups.
  public subscript(key: String) -> JSON {
    if case .object(let o) = self { return o[key] ?? .null }
    return .null
  }

  public subscript(index: Int) -> JSON {
    if case .array(let a) = self, a.indices.contains(index) { return a[index] }
    return .null
  }

  public var string: String? { if case .string(let s) = self { return s } else { return nil } }
  public var int: Int? { if case .number(let d) = self, d.rounded() == d { return Int(d) } else { return nil } }
  public var bool: Bool? { if case .bool(let b) = self { return b } else { return nil } }
  public var array: [JSON]? { if case .array(let a) = self { return a } else { return nil } }
  public var object: [String: JSON]? { if case .object(let o) = self { return o } else { return nil } }
  public var isNull: Bool { self == .null }
  /// True when the key is present (even with a null value).
  public func has(_ key: String) -> Bool { object?[key] != nil }

  public static func parse(_ data: Data) throws -> JSON {
    from(try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
  }

  public var data: Data {
    (try? JSONSerialization.data(withJSONObject: foundation, options: [.sortedKeys, .fragmentsAllowed])) ?? Data()
  }

  /// Compact text with sorted keys.
  public var description: String { String(decoding: data, as: UTF8.self) }

  private static func from(_ any: Any) -> JSON {
    switch any {
    case let s as String: return .string(s)
    case let n as NSNumber:
      let type = String(cString: n.objCType)
      return type == "c" || type == "B" ? .bool(n.boolValue) : .number(n.doubleValue)
    case let a as [Any]: return .array(a.map(from))
    case let o as [String: Any]: return .object(o.mapValues(from))
    default: return .null
    }
  }

  private var foundation: Any {
    switch self {
    case .null: return NSNull()
    case .bool(let b): return b
    case .number(let d): return d.rounded() == d && abs(d) < 1e15 ? Int(d) as Any : d as Any
    case .string(let s): return s
    case .array(let a): return a.map(\.foundation)
    case .object(let o): return o.mapValues(\.foundation)
    }
  }
}

extension JSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByFloatLiteral
{
  public init(stringLiteral value: String) { self = .string(value) }
  public init(integerLiteral value: Int) { self = .number(Double(value)) }
  public init(floatLiteral value: Double) { self = .number(value) }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(arrayLiteral elements: JSON...) { self = .array(elements) }
  public init(dictionaryLiteral elements: (String, JSON)...) {
    self = .object(Dictionary(elements, uniquingKeysWith: { _, new in new }))
  }
}
