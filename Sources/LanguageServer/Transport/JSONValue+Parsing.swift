// Parsing message bodies into JSONValue through Foundation's JSONSerialization, behind a nesting
// pre-scan: JSONSerialization recurses, so documents nested deeper than `maxNesting` are rejected first.

import Foundation

enum JSONParseError: Error, Equatable, CustomStringConvertible {
  case tooDeep(limit: Int)
  case invalid(String)

  var description: String {
    switch self {
    case .tooDeep(let limit): return "JSON nested deeper than \(limit) levels"
    case .invalid(let reason): return "invalid JSON (\(reason))"
    }
  }
}

extension JSONValue {
  /// Deeper documents are refused before parsing (LSP messages nest a dozen levels at most).
  static let maxNesting = 512

  static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
    try checkNesting(bytes)
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
    } catch {
      throw .invalid("\(error)")
    }
    return try convert(object)
  }

  /// Counts `[`/`{` depth outside string literals; never recurses.
  static func checkNesting(_ bytes: [UInt8]) throws(JSONParseError) {
    var depth = 0
    var inString = false
    var escaped = false
    for byte in bytes {
      if inString {
        if escaped {
          escaped = false
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          inString = false
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""): inString = true
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        depth += 1
        if depth > maxNesting { throw .tooDeep(limit: maxNesting) }
      case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
      default: break
      }
    }
  }

  /// Foundation objects to JSONValue. Depth is bounded by the pre-scan, so recursion is safe here.
  private static func convert(_ object: Any) throws(JSONParseError) -> JSONValue {
    switch object {
    case is NSNull: return .null
    case let s as String: return .string(s)
    case let n as NSNumber: return number(n)
    case let a as [Any]:
      var items: [JSONValue] = []
      items.reserveCapacity(a.count)
      for item in a { items.append(try convert(item)) }
      return .array(items)
    case let o as [String: Any]:
      var fields: [String: JSONValue] = [:]
      fields.reserveCapacity(o.count)
      for (k, v) in o { fields[k] = try convert(v) }
      return .object(fields)
    default:
      throw .invalid("unsupported JSON value \(type(of: object))")
    }
  }

  private static func number(_ n: NSNumber) -> JSONValue {
    let type = String(cString: n.objCType)
    if type == "c" || type == "B" { return .bool(n.boolValue) }
    if type == "d" || type == "f" { return .double(n.doubleValue) }
    return .int(n.intValue)
  }
}
