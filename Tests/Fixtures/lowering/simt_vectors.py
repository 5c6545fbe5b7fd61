# fixture: target=sm_80,sm_90,sm_100
# Plain global→shared copies outside a pipeline are SIMT on every target; the vector width follows the innermost
# extent, the dtype and the thread-padding heuristic (uint4 / uint1 / scalar for 64 / 60 / 30 halves:
# 4 lanes would pad 3840 elements over 128 threads, so 60 halves go 2 at a time).
import tilelang.language as T


def inner64():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((64, 64), "float16")
            T.copy(A[bx * 64, 0], S)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(S, B[bx * 64, 0], disable_tma=True)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


def inner60():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((64, 60), "float16")
            T.copy(A[bx * 64 : bx * 64 + 64, 0:60], S)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 32b

    return main


def inner30():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((64, 30), "float16")
            T.copy(A[bx * 64 : bx * 64 + 64, 0:30], S)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 16b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 16b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 16b

    return main


def fp32_tile():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float32")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((32, 64), "float32")
            T.copy(A[bx * 32, 0], S)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


def int8_tile():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "int8")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((64, 128), "int8")
            T.copy(A[bx * 64, 0], S)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


def fp32_odd_columns():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float32")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((64, 3), "float32")
            T.copy(A[bx * 64 : bx * 64 + 64, 0:3], S)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 32b

    return main


def global_to_global():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, threads=128) as bx:
            T.copy(A[bx * 128 : bx * 128 + 128, 0:128], B[bx * 128 : bx * 128 + 128, 0:128])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 256b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


def shared_to_shared():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((64, 64), "float16")
            R = T.alloc_shared((64, 64), "float16")
            T.copy(A[bx * 64, 0], S)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(S, R)
          # ^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^ lowering sm_90: simt 128b

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
