# fixture: target=sm_80,sm_90,sm_100
# Plain global→shared copies outside a pipeline are SIMT on every target; the vector width follows the innermost
# extent, the dtype and the thread-padding heuristic (uint4 / uint2 / scalar for 64 / 60 / 30 halves).
import tilelang.language as T


def inner64():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((64, 64), "float16")
            T.copy(A[bx * 64, 0], S)
            T.copy(S, B[bx * 64, 0], disable_tma=True)

    return main


def inner60():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((64, 60), "float16")
            T.copy(A[bx * 64 : bx * 64 + 64, 0:60], S)

    return main


def inner30():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((64, 30), "float16")
            T.copy(A[bx * 64 : bx * 64 + 64, 0:30], S)

    return main


def fp32_tile():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float32")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((32, 64), "float32")
            T.copy(A[bx * 32, 0], S)

    return main


def int8_tile():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "int8")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((64, 128), "int8")
            T.copy(A[bx * 64, 0], S)

    return main


def fp32_odd_columns():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float32")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((64, 3), "float32")
            T.copy(A[bx * 64 : bx * 64 + 64, 0:3], S)

    return main


def global_to_global():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, threads=128) as bx:
            T.copy(A[bx * 128 : bx * 128 + 128, 0:128], B[bx * 128 : bx * 128 + 128, 0:128])

    return main


def shared_to_shared():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((64, 64), "float16")
            R = T.alloc_shared((64, 64), "float16")
            T.copy(A[bx * 64, 0], S)
            T.copy(S, R)

    return main


if __name__ == "__main__":
    inner64()
    inner60()
    inner30()
    fp32_tile()
    int8_tile()
    fp32_odd_columns()
    global_to_global()
    shared_to_shared()
