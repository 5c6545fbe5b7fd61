// Base-protocol framing: `Content-Length` headers around UTF-8 JSON bodies. `MessageFramer` is an
// incremental, total parser (bytes in, frames or header errors out); it resynchronizes after bad headers.

import TileLangSyntax

/// One unit cut from the input stream.
enum Frame: Equatable, Sendable {
  case body([UInt8])
  /// A header block that could not be understood; it was dropped and parsing goes on after it.
  case malformedHeader(String)
}

struct MessageFramer {
  /// Bodies larger than this are refused (the header is reported malformed and the body is skipped).
  static let maxBodyLength = 256 * 1024 * 1024
  /// A header block longer than this without a terminator is garbage.
  static let maxHeaderLength = 8 * 1024

  private var buffer: [UInt8] = []
  /// Start of unconsumed bytes in `buffer` (compacted lazily).
  private var start = 0
  /// Bytes of an oversized body still to be skipped.
  private var skipRemaining = 0

  init() {}

  mutating func append(_ bytes: some Sequence<UInt8>) {
    buffer.append(contentsOf: bytes)
  }

  /// Bytes received but not yet cut into a frame.
  var pendingByteCount: Int { buffer.count - start }

  /// The next complete frame, or nil when more input is needed.
  mutating func next() -> Frame? {
    if skipRemaining > 0 {
      let n = min(skipRemaining, buffer.count - start)
      start += n
      skipRemaining -= n
      if skipRemaining > 0 {
        compact()
        return nil
      }
    }
    guard let terminator = find(Self.headerTerminator, from: start) else {
      if buffer.count - start > Self.maxHeaderLength {
        let dropped = buffer.count - start
        start = buffer.count
        compact()
        return .malformedHeader(
          "header longer than \(Self.maxHeaderLength) bytes without a blank line (\(dropped) bytes dropped)")
      }
      compact()
      return nil
    }
    let header = Array(buffer[start..<terminator])
    switch Self.contentLength(in: header) {
    case .success(let length):
      let bodyStart = terminator + Self.headerTerminator.count
      if length > Self.maxBodyLength {
        start = bodyStart
        skipRemaining = length
        return .malformedHeader("Content-Length \(length) exceeds the limit of \(Self.maxBodyLength)")
      }
      guard buffer.count - bodyStart >= length else { return nil }
      let body = Array(buffer[bodyStart..<(bodyStart + length)])
      start = bodyStart + length
      compact()
      return .body(body)
    case .failure(let problem):
      // Resynchronize: if a `Content-Length` appears later inside the bad block, restart there.
      if let resync = find(Array("Content-Length".utf8), from: start + 1), resync < terminator {
        start = resync
      } else {
        start = terminator + Self.headerTerminator.count
      }
      compact()
      return .malformedHeader(problem.message)
    }
  }

  /// Frames `body` for writing.
  static func frame(_ body: [UInt8]) -> [UInt8] {
    Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
  }

  // MARK: - Helpers

  private static let headerTerminator: [UInt8] = [0x0D, 0x0A, 0x0D, 0x0A]

  struct HeaderProblem: Error {
    var message: String
  }

  /// Parses `Name: value` lines; requires one valid Content-Length; accepts Content-Type and ignores others.
  static func contentLength(in header: [UInt8]) -> Result<Int, HeaderProblem> {
    let text = String(decoding: header, as: UTF8.self)
    var length: Int?
    for line in text.split(separator: "\r\n", omittingEmptySubsequences: false) {
      guard let colon = line.firstIndex(of: ":") else {
        return .failure(HeaderProblem(message: "header line without a colon: \(line.prefix(80))"))
      }
      let name = line[..<colon]
      let value = line[line.index(after: colon)...].trimmingSpaces()
      guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
        return .failure(HeaderProblem(message: "invalid header name: \(name.prefix(80))"))
      }
      if name.lowercased() == "content-length" {
        guard let n = Int(value), n >= 0 else {
          return .failure(HeaderProblem(message: "invalid Content-Length: \(value.prefix(80))"))
        }
        length = n
      }
    }
    guard let length else { return .failure(HeaderProblem(message: "missing Content-Length header")) }
    return .success(length)
  }

  private func find(_ needle: [UInt8], from: Int) -> Int? { buffer.firstOffset(of: needle, from: from) }

  private mutating func compact() {
    if start > 0 && (start == buffer.count || start > 64 * 1024) {
      buffer.removeSubrange(0..<start)
      start = 0
    }
  }
}

extension Substring {
  fileprivate func trimmingSpaces() -> Substring {
    var s = self
    while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" { s.removeLast() }
    return s
  }
}
