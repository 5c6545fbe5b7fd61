# fixture: target=sm_80,sm_90
# TL409: a 2×72 fragment (144 elements over 128 threads) that only copies lay out has no partition; 2×64 does,
# and so does a gemm accumulator of any shape. The 2×72 call comes tenth: every distinct call of a factory is
# checked, not only the first few. A row reduction that reads the fragment takes its layout from the copy: 32×128 over
# 160 threads fails, 40×64 over 128 threads does not.
import tilelang.language as T


def fragment(rows, cols):
    @T.prim_func
    def main(A: T.Tensor((256, 1024), "float16"), B: T.Tensor((256, 1024), "float16")):
        with T.Kernel(4, threads=128) as by:
            F = T.alloc_fragment((rows, cols), "float16")
            T.copy(A[by * rows, 0], F)
            #                       ^ error TL409: fragment F (2, 72) holds 144 elements, more than the 128 threads but not a multiple of them, and only copies lay it out: layout inference fails ("no available layout found"); use a multiple of 128 elements (or at most 128) (with rows=2, cols=72 from line 45)
            T.copy(F, B[by * rows, 0])

    return main


def reduced(rows, cols, threads):
    @T.prim_func
    def main(A: T.Tensor((960, 128), "float32"), S: T.Tensor((960,), "float32")):
        with T.Kernel(960 // rows, threads=threads) as bx:
            a = T.alloc_fragment((rows, cols), "float32")
            s = T.alloc_fragment((rows,), "float32")
            T.copy(A[bx * rows, 0], a)
            #                       ^ error TL409: fragment a (32, 128) holds 4096 elements, more than the 160 threads but not a multiple of them, and only copies (and the reductions that read it) lay it out: layout inference fails ("no available layout found"); use a multiple of 160 elements (or at most 160) (with rows=32, cols=128, threads=160 from line 46)
            T.reduce_sum(a, s, dim=1)
            T.copy(s, S[bx * rows])

    return main


if __name__ == "__main__":
    fragment(2, 64)
    fragment(1, 96)
    fragment(1, 128)
    fragment(1, 64)
    fragment(4, 32)
    fragment(2, 128)
    fragment(4, 64)
    fragment(8, 32)
    fragment(1, 32)
    fragment(2, 72)
    reduced(32, 128, 160)
    reduced(40, 64, 128)
