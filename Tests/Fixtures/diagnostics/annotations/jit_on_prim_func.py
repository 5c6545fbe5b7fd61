# fixture: target=sm_80,sm_90
# TL220: tilelang.jit given a function @T.prim_func has already built — `@tilelang.jit` (bare or with arguments)
# written above `@T.prim_func`, `tilelang.jit(kernel, ...)`, `tilelang.jit(...)(kernel)` — fails in tilelang 0.1.15
# as the decorator runs (TypeError: "... is not a callable object"), on every target; so does `@T.prim_func` written
# above `@tilelang.jit` (TypeError: "... code object was expected, got JITImpl"). tilelang.compile(kernel, ...) is the
# supported form (the `tilelang.compile` call below is turned into a no-op by the differential's driver, which only
# elaborates and lowers), and @tilelang.jit on a factory that returns the prim_func is fine.
import tilelang
import tilelang.language as T


def jit_with_arguments(M, N):
    @tilelang.jit(out_idx=[-1])
    #^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL220: @tilelang.jit(out_idx=[-1]) is applied to k, which @T.prim_func has already made a PrimFunc: tilelang 0.1.15 fails when the decorator runs (TypeError: "... is not a callable object"); keep @T.prim_func and build it with tilelang.compile(k, ...)
    @T.prim_func
    def k(X: T.Tensor((M, N), "float16"), Y: T.Tensor((M, N), "float16")):
        with T.Kernel(T.ceildiv(M, 128), threads=128) as bx:
            for i, j in T.Parallel(128, N):
                Y[bx * 128 + i, j] = X[bx * 128 + i, j]

    return k


def bare_jit(M, N):
    @tilelang.jit
    #^^^^^^^^^^^^ error TL220: @tilelang.jit is applied to k, which @T.prim_func has already made a PrimFunc: tilelang 0.1.15 fails when the decorator runs (TypeError: "... is not a callable object"); keep @T.prim_func and build it with tilelang.compile(k, ...)
    @T.prim_func
    def k(X: T.Tensor((M, N), "float16"), Y: T.Tensor((M, N), "float16")):
        with T.Kernel(T.ceildiv(M, 128), threads=128) as bx:
            for i, j in T.Parallel(128, N):
                Y[bx * 128 + i, j] = X[bx * 128 + i, j]

    return k


def jit_call(M, N):
    @T.prim_func
    def k(X: T.Tensor((M, N), "float16"), Y: T.Tensor((M, N), "float16")):
        with T.Kernel(T.ceildiv(M, 128), threads=128) as bx:
            for i, j in T.Parallel(128, N):
                Y[bx * 128 + i, j] = X[bx * 128 + i, j]

    return tilelang.jit(k, out_idx=[-1])
    #                   ^ error TL220: tilelang.jit is given k, the @T.prim_func defined on line 38: tilelang 0.1.15 fails at once (TypeError: "... is not a callable object"); a PrimFunc is built with tilelang.compile(k, ...)


def jit_factory_call(M, N):
    @T.prim_func
    def k(X: T.Tensor((M, N), "float16"), Y: T.Tensor((M, N), "float16")):
        with T.Kernel(T.ceildiv(M, 128), threads=128) as bx:
            for i, j in T.Parallel(128, N):
                Y[bx * 128 + i, j] = X[bx * 128 + i, j]

    return tilelang.jit(out_idx=[-1], target="cuda")(k)
    #                                                ^ error TL220: tilelang.jit is given k, the @T.prim_func defined on line 49: tilelang 0.1.15 fails at once (TypeError: "... is not a callable object"); a PrimFunc is built with tilelang.compile(k, ...)


def compiled(M, N):
    @T.prim_func
    def k(X: T.Tensor((M, N), "float16"), Y: T.Tensor((M, N), "float16")):
        with T.Kernel(T.ceildiv(M, 128), threads=128) as bx:
            for i, j in T.Parallel(128, N):
                Y[bx * 128 + i, j] = X[bx * 128 + i, j]

    return tilelang.compile(k, out_idx=[-1])


@tilelang.jit(out_idx=[-1])
def lazy_factory(M, N):
    @T.prim_func
    def k(X: T.Tensor((M, N), "float16"), Y: T.Tensor((M, N), "float16")):
        with T.Kernel(T.ceildiv(M, 128), threads=128) as bx:
            for i, j in T.Parallel(128, N):
                Y[bx * 128 + i, j] = X[bx * 128 + i, j]

    return k


def plain(M, N):
    @T.prim_func
    def k(X: T.Tensor((M, N), "float16"), Y: T.Tensor((M, N), "float16")):
        with T.Kernel(T.ceildiv(M, 128), threads=128) as bx:
            for i, j in T.Parallel(128, N):
                Y[bx * 128 + i, j] = X[bx * 128 + i, j]

    return k


def prim_func_over_jit(M, N):
    @T.prim_func
    #^^^^^^^^^^^ error TL220: @T.prim_func is applied to the JIT wrapper that tilelang.jit made of k, which it cannot parse: tilelang 0.1.15 fails when the decorator runs (TypeError: "... code object was expected, got JITImpl"); use @tilelang.jit alone (an eager kernel) or @T.prim_func with tilelang.compile(k, ...)
    @tilelang.jit(out_idx=[-1])
    def k(X: T.Tensor((M, N), "float16"), Y: T.Tensor((M, N), "float16")):
        with T.Kernel(T.ceildiv(M, 128), threads=128) as bx:
            for i, j in T.Parallel(128, N):
                Y[bx * 128 + i, j] = X[bx * 128 + i, j]

    return k


if __name__ == "__main__":
    jit_with_arguments(1024, 64)
    bare_jit(1024, 64)
    jit_call(1024, 64)
    jit_factory_call(1024, 64)
    compiled(1024, 64)
    plain(1024, 64)
    prim_func_over_jit(1024, 64)
