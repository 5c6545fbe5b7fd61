# fixture: target=sm_80,sm_90
# TL225: a store into a buffer through a slice with an open bound (`acc[i, :] = ...`, `s[:N] = ...`) or a step fails
# to elaborate on every target: the front end stores the slice as a region and computes its extent as stop - start
# ("TypeError: unsupported operand type(s) for -: 'NoneType' and 'NoneType'"), and a step is not supported. A bounded
# slice stored from a region of the same lanes builds (4 float32 lanes; 64 fail in code generation, "Unsupported vector
# load size"), and so does T.copy between open slices.
import tilelang.language as T


def rescale_rows_open():
    @T.prim_func
    def main(A: T.Tensor((64, 64), "float32"), S: T.Tensor((64,), "float32"), B: T.Tensor((64, 64), "float32")):
        with T.Kernel(1, threads=128):
            acc = T.alloc_fragment((64, 64), "float32")
            scale = T.alloc_fragment((64,), "float32")
            T.copy(A, acc)
            T.copy(S, scale)
            for i in T.Parallel(64):
                acc[i, :] = acc[i, :] * scale[i]
                #      ^ error TL225: acc is stored through a slice with an open bound: the front end stores a slice as a region from its start and stop, and elaboration fails on every target (TypeError: unsupported operand type(s) for -: 'NoneType' and 'NoneType'); store element by element in a T.Parallel loop over that dimension, or T.copy from a region
            T.copy(acc, B)

    return main


def rescale_rows_loop():
    @T.prim_func
    def main(A: T.Tensor((64, 64), "float32"), S: T.Tensor((64,), "float32"), B: T.Tensor((64, 64), "float32")):
        with T.Kernel(1, threads=128):
            acc = T.alloc_fragment((64, 64), "float32")
            scale = T.alloc_fragment((64,), "float32")
            T.copy(A, acc)
            T.copy(S, scale)
            for i, j in T.Parallel(64, 64):
                acc[i, j] = acc[i, j] * scale[i]
            T.copy(acc, B)

    return main


def strided_rows():
    @T.prim_func
    def main(A: T.Tensor((64, 64), "float32"), B: T.Tensor((64, 64), "float32")):
        with T.Kernel(1, threads=128):
            s = T.alloc_shared((64, 64), "float32")
            T.copy(A, s)
            for i in T.serial(64):
                s[i, 0:64:2] = A[i, 0:64:2]
                #    ^^^^^^ error TL225: s is stored through a slice with a step: the front end stores a slice as a region from its start and stop, and elaboration fails on every target (ValueError: Buffer slicing with step is not supported.); store element by element in a T.Parallel loop over that dimension, or T.copy from a region
            T.copy(s, B)

    return main


def bounded_rows():
    @T.prim_func
    def main(A: T.Tensor((64, 64), "float32"), B: T.Tensor((64, 64), "float32")):
        with T.Kernel(1, threads=128):
            s = T.alloc_shared((64, 64), "float32")
            T.copy(A, s)
            for i in T.serial(64):
                s[i, 0:4] = A[i, 0:4]
            T.copy(s[0, :], B[0, :])

    return main


if __name__ == "__main__":
    rescale_rows_open()
    rescale_rows_loop()
    strided_rows()
    bounded_rows()
