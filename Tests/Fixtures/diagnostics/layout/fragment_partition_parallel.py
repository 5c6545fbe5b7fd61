# fixture: target=sm_80,sm_90
# TL409 with element-wise T.Parallel loops: a fragment that copies and T.Parallel loops over its whole shape lay
# out (or the loops alone) has no layout when it holds more elements than threads but not a multiple of them (200,
# 888, 192 elements over 128 threads; 35 over 32). Near misses: a multiple (384), fewer elements than threads (96),
# a loop that indexes the fragment by something other than its variables (not judged).
import tilelang.language as T


def elementwise(shape, threads, mode):
    @T.prim_func
    def main(A: T.Tensor(shape, "float32"), B: T.Tensor(shape, "float32")):
        with T.Kernel(1, threads=threads) as bx:
            F = T.alloc_fragment(shape, "float32")
            if mode == "copy":
                T.copy(A, F)
                #         ^ error TL409: fragment F (5, 7) holds 35 elements, more than the 32 threads but not a multiple of them, and only copies and element-wise T.Parallel loops lay it out: layout inference fails ("no available layout found"); use a multiple of 32 elements (or at most 32) (with shape=(5, 7), threads=32, mode="copy" from line 64)
                #         ^ error TL409: fragment F (8, 111) holds 888 elements, more than the 128 threads but not a multiple of them, and only copies and element-wise T.Parallel loops lay it out: layout inference fails ("no available layout found"); use a multiple of 128 elements (or at most 128) (with shape=(8, 111), threads=128, mode="copy" from line 61)
                for i, j in T.Parallel(shape[0], shape[1]):
                    F[i, j] = F[i, j] * 2.0
                T.copy(F, B)
            else:
                for i, j in T.Parallel(shape[0], shape[1]):
                    F[i, j] = A[i, j] * 2.0
                  # ^^^^^^^ error TL409: fragment F (64, 3) holds 192 elements, more than the 128 threads but not a multiple of them, and only element-wise T.Parallel loops lay it out: layout inference fails ("no available layout found"); use a multiple of 128 elements (or at most 128) (with shape=(64, 3), threads=128, mode="loops" from line 63)
                  # ^^^^^^^ error TL409: fragment F (8, 111) holds 888 elements, more than the 128 threads but not a multiple of them, and only element-wise T.Parallel loops lay it out: layout inference fails ("no available layout found"); use a multiple of 128 elements (or at most 128) (with shape=(8, 111), threads=128, mode="loops" from line 62)
                for i, j in T.Parallel(shape[0], shape[1]):
                    B[i, j] = F[i, j]

    return main


def one_dim(n, threads):
    @T.prim_func
    def main(A: T.Tensor((1024,), "float32"), B: T.Tensor((1024,), "float32")):
        with T.Kernel(4, threads=threads) as bx:
            F = T.alloc_fragment((n,), "float32")
            T.copy(A[bx * n], F)
            #                 ^ error TL409: fragment F (192,) holds 192 elements, more than the 128 threads but not a multiple of them, and only copies and element-wise T.Parallel loops lay it out: layout inference fails ("no available layout found"); use a multiple of 128 elements (or at most 128) (with n=192, threads=128 from line 69)
            #                 ^ error TL409: fragment F (200,) holds 200 elements, more than the 128 threads but not a multiple of them, and only copies and element-wise T.Parallel loops lay it out: layout inference fails ("no available layout found"); use a multiple of 128 elements (or at most 128) (with n=200, threads=128 from line 67)
            for i in T.Parallel(n):
                F[i] = F[i] * 2
            T.copy(F, B[bx * n])

    return main


def shifted(threads):
    @T.prim_func
    def main(A: T.Tensor((256,), "float32"), B: T.Tensor((256,), "float32")):
        with T.Kernel(1, threads=threads) as bx:
            F = T.alloc_fragment((200,), "float32")
            for i in T.Parallel(100):
                F[i + 100] = A[i]
            for i in T.Parallel(100):
                B[i] = F[i + 100]

    return main


if __name__ == "__main__":
    elementwise((8, 111), 128, "copy")
    elementwise((8, 111), 128, "loops")
    elementwise((64, 3), 128, "loops")
    elementwise((5, 7), 32, "copy")
    elementwise((3, 128), 128, "copy")
    elementwise((3, 128), 128, "loops")
    one_dim(200, 128)
    one_dim(96, 128)
    one_dim(192, 128)
    shifted(128)
