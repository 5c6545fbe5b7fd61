# fixture: target=sm_90
# TL214: arguments tilelang.jit / tilelang.compile reject before lowering anything (checked with tilelang 0.1.15 in
# PassConfigRegistryTests): out_idx on an eager kernel, pass-config keys the compiler does not register (the `tir.*`
# spellings are `tirx.*` now), unknown PassConfigKey members, target strings with options, a lazy factory that
# never returns its prim_func, a sizes-only get_tir that leaves a T.const unbound. Near misses: out_idx on a lazy
# factory, registered keys and members, a target dict, a plain target name, a return in a branch, get_tir with
# every size. No `__main__` block: these are decided before any kernel is elaborated, and the differential's driver
# does not run jit kernels (it imports the file, so nothing here fails at import).
import tilelang
import tilelang.language as T

CONFIGS = {"tir.disable_vectorize": True, tilelang.PassConfigKey.TL_DISABLE_TMA_LOWER: True}
#          ^^^^^^^^^^^^^^^^^^^^^^^ error TL214: "tir.disable_vectorize" is not a pass config of tilelang 0.1.15: making the PassContext fails ("Invalid config option 'tir.disable_vectorize'"); did you mean "tirx.disable_vectorize"?
GOOD = {"tirx.disable_vectorize": True, "tl.disable_tma_lower": True}


@tilelang.jit(out_idx=[-1], pass_configs={"tl.disable_warp_specialize": True})
#             ^^^^^^^^^^^^ error TL214: `out_idx` is only for lazy @tilelang.jit factories that return a @T.prim_func; eager_scale is an eager kernel (its body opens T.Kernel or declares sizes with T.const), and the first call fails ("out_idx is only supported in lazy mode"); declare outputs with T.empty and return them
#                                         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL214: "tl.disable_warp_specialize" is not a pass config of tilelang 0.1.15: making the PassContext fails ("Invalid config option 'tl.disable_warp_specialize'"); did you mean "tl.disable_warp_specialized"?
def eager_scale(A, block: int = 128):
    M, N = T.const("M, N")
    A: T.Tensor((M, N), T.float16)
    B = T.empty((M, N), T.float16)
    with T.Kernel(T.ceildiv(M, block), threads=128) as bx:
        S = T.alloc_shared((block, N), T.float16)
        T.copy(A[bx * block, 0], S)
        T.copy(S, B[bx * block, 0])
    return B


@tilelang.jit(out_idx=[-1], pass_configs=GOOD, target={"kind": "cuda", "arch": "sm_90"})
def lazy_scale(M, N, block=128):
    @T.prim_func
    def main(A: T.Tensor((M, N), T.float16), B: T.Tensor((M, N), T.float16)):
        with T.Kernel(T.ceildiv(M, block), threads=128) as bx:
            S = T.alloc_shared((block, N), T.float16)
            T.copy(A[bx * block, 0], S)
            T.copy(S, B[bx * block, 0])

    return main


@tilelang.jit
def lazy_copy(M, N):
    @T.prim_func
    def main(A: T.Tensor((M, N), T.float16), B: T.Tensor((M, N), T.float16)):
        with T.Kernel(1, threads=128) as bx:
            T.copy(A, B)

    return main


@tilelang.jit
def forgot_return(M, N):
#   ^^^^^^^^^^^^^ error TL214: forgot_return defines the @T.prim_func main but never returns it: the jit gets None and fails ("target function must be a PrimFunc but got <class 'NoneType'>"); add `return main`
    @T.prim_func
    def main(A: T.Tensor((M, N), T.float16), B: T.Tensor((M, N), T.float16)):
        with T.Kernel(1, threads=128) as bx:
            T.copy(A, B)


@tilelang.jit
def returns_in_a_branch(M, N, transpose=False):
    @T.prim_func
    def main(A: T.Tensor((M, N), T.float16), B: T.Tensor((M, N), T.float16)):
        with T.Kernel(1, threads=128) as bx:
            T.copy(A, B)

    if not transpose:
        return main
    raise NotImplementedError("transpose")


@tilelang.jit
def eager_rows(A, block: int = 64):
    M, N = T.const("M, N")
    #      ^^^^^^^^^^^^^^^ error TL214: T.const size `N` has no value: the `.compile` / `.get_tir` call passes sizes only, so no tensor gives it either, and elaboration fails ("Cannot find value for constexpr variable `N`"); pass N=... (with block=64, M=1024 from line 86)
    A: T.Tensor((M, N), T.float16)
    B = T.empty((M, N), T.float16)
    with T.Kernel(T.ceildiv(M, block), threads=128) as bx:
        T.copy(A[bx * block, 0], B[bx * block, 0])
    return B


def sizes_only():
    eager_rows.get_tir(M=1024)
    eager_rows.get_tir(M=1024, N=256)


def build(M, N):
    # Evaluated only when called (an unknown PassConfigKey member fails where the dict is built).
    fast = lazy_copy.get_tir(M, N)
    tilelang.compile(fast, pass_configs={tilelang.PassConfigKey.TL_DISABLE_FAST_MATH: True}, target="cuda -arch=sm_90")
    #                                                           ^^^^^^^^^^^^^^^^^^^^ error TL214: tilelang.PassConfigKey has no member TL_DISABLE_FAST_MATH (tilelang 0.1.15): the dict fails with an AttributeError
    #                                                                                               ^^^^^^^^^^^^^^^^^^ error TL214: target "cuda -arch=sm_90": tilelang 0.1.15 does not parse target strings with options ("Target cuda -arch=sm_90 is not supported. Pass target options as a dict when the target needs attributes."); pass a dict: {"kind": "cuda", "arch": "sm_90"}
    return tilelang.compile(lazy_copy.get_tir(M, N), pass_configs=CONFIGS, target="cuda")
