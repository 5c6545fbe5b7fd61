# fixture: target=sm_80,sm_90
# TL203 on T.Parallel: the loop keeps `coalesced_width=4`'s Python int in its annotations, and the compiler's parallel
# op wants a TIR integer there ("coalesced_width should be an IntImmNode"); T.int32(4) builds.
import tilelang.language as T


def shared_fill(width):
    @T.prim_func
    def main(A: T.Tensor((1024, 64), "float16"), B: T.Tensor((1024, 64), "float16")):
        with T.Kernel(16, threads=128) as bx:
            s = T.alloc_shared((64, 64), "float16")
            for i, j in T.Parallel(64, 64, coalesced_width=4):
            #                                              ^ error TL203: T.Parallel's coalesced_width must be a TIR integer: the Python int 4 fails in the compiler ("coalesced_width should be an IntImmNode"); write T.int32(4)
                s[i, j] = A[bx * 64 + i, j]
            T.copy(s, B[bx * 64, 0])

    return main


def fragment_scale(width):
    @T.prim_func
    def main(A: T.Tensor((1024, 64), "float32"), B: T.Tensor((1024, 64), "float32")):
        with T.Kernel(16, threads=128) as bx:
            f = T.alloc_fragment((64, 64), "float32")
            T.copy(A[bx * 64, 0], f)
            for i, j in T.Parallel(64, 64, coalesced_width=T.int32(2)):
                f[i, j] = f[i, j] * 2.0
            for i, j in T.Parallel(64, 64, coalesced_width=2):
            #                                              ^ error TL203: T.Parallel's coalesced_width must be a TIR integer: the Python int 2 fails in the compiler ("coalesced_width should be an IntImmNode"); write T.int32(2)
                f[i, j] = f[i, j] + 1.0
            T.copy(f, B[bx * 64, 0])

    return main


def tir_width(width):
    @T.prim_func
    def main(A: T.Tensor((1024, 64), "float16"), B: T.Tensor((1024, 64), "float16")):
        with T.Kernel(16, threads=128) as bx:
            s = T.alloc_shared((64, 64), "float16")
            for i, j in T.Parallel(64, 64, coalesced_width=T.int32(4)):
                s[i, j] = A[bx * 64 + i, j]
            T.copy(s, B[bx * 64, 0])

    return main


if __name__ == "__main__":
    shared_fill(4)
    fragment_scale(2)
    tir_width(4)
