// StackGuard: tells the parser when the current thread's stack is close to exhausted, so deep nesting
// becomes a TL002 diagnostic instead of a crash, whatever the caller's thread stack size.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

struct StackGuard: Sendable {
  /// Keep this many bytes of stack free for the rest of the parse and the caller.
  static let reserve: UInt = 192 * 1024
  /// The lowest stack address we allow the parser to reach; 0 when unknown.
  private let floor: UInt

  init() {
    floor = StackGuard.stackFloor()
  }

  /// True when the current stack pointer is within `reserve` bytes of the end of the stack.
  @inline(never)
  func isLow() -> Bool {
    guard floor != 0 else { return false }
    var marker: UInt8 = 0
    let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    return here < floor
  }

  private static func stackFloor() -> UInt {
    #if canImport(Glibc)
      // pthread_getattr_np is a GNU extension the Glibc module does not export; look it up instead.
      typealias GetAttr = @convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pthread_getattr_np") else { return 0 }
      let getattr = unsafeBitCast(symbol, to: GetAttr.self)
      var attr = pthread_attr_t()
      guard getattr(pthread_self(), &attr) == 0 else { return 0 }
      defer { pthread_attr_destroy(&attr) }
      var address: UnsafeMutableRawPointer?
      var size = 0
      guard pthread_attr_getstack(&attr, &address, &size) == 0, let base = address else { return 0 }
      return UInt(bitPattern: base) + min(reserve, UInt(size) / 2)
    #elseif canImport(Darwin)
      let top = UInt(bitPattern: pthread_get_stackaddr_np(pthread_self()))
      let size = UInt(pthread_get_stacksize_np(pthread_self()))
      return top - size + min(reserve, size / 2)
    #else
      return 0
    #endif
  }
}
