// `tilelang/loweredCUDA` (custom): lowered CUDA by its `tl-lsp-cuda:` URI, or the newest one of a source file URI.

enum LoweredCUDA {
  static let method = "tilelang/loweredCUDA"

  static func handle(_ params: JSONValue, _ context: RequestContext) throws -> JSONValue {
    let uri = try params.requiredString("uri")
    if let text = context.lowered[uri] { return ["uri": .string(uri), "text": .string(text)] }
    if let build = context.builds[uri], let (target, product) = build.products.first {
      let virtual = loweredCUDAURI(source: uri, kernel: product.kernel, target: target)
      return ["uri": .string(virtual), "text": .string(product.cuda)]
    }
    throw ResponseError.invalidParams("no lowered CUDA for \(uri); run tilelang.showLoweredCUDA first")
  }
}
