# fixture: target=sm_80,sm_90,sm_100
# Copies at per-thread offsets: T.get_thread_binding() is a symbolic thread index, so `A[(bx * 128 + tx) * v]` into a
# local (v,) buffer keeps its alignment (v lanes, 128 bits) and `B[(..) * v:(.. + 1) * v]` its extent of v. An offset
# of `tx * v + 1` is not aligned (1 lane); shared -> local rows at `(tx % 8) * 32` and 2-D thread blocks
# (get_thread_binding(1)) vectorize the same way (checked with tilelang 0.1.15; sweep E).
import tilelang.language as T


def loc1(N, v, dtype):
    @T.prim_func
    def main(A: T.Tensor((N,), dtype), B: T.Tensor((N,), dtype)):
        with T.Kernel(T.ceildiv(N, 128 * v), threads=128) as bx:
            tx = T.get_thread_binding()
            r = T.alloc_local((v,), dtype)
            T.copy(A[(bx * 128 + tx) * v], r)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 16b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 16b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 16b
            T.copy(r, B[(bx * 128 + tx) * v:(bx * 128 + tx + 1) * v])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 16b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 16b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 16b

    return main


def loc_odd(N, v, dtype):
    @T.prim_func
    def main(A: T.Tensor((N,), dtype), B: T.Tensor((N,), dtype)):
        with T.Kernel(T.ceildiv(N, 128 * v), threads=128) as bx:
            tx = T.get_thread_binding(0)
            r = T.alloc_local((v,), dtype)
            T.copy(A[bx * 128 * v + tx * v + 1], r)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 16b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 16b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 16b
            T.copy(r, B[bx * 128 * v + tx * v])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


def loc_shared(M, dtype):
    @T.prim_func
    def main(A: T.Tensor((M, 256), dtype), B: T.Tensor((M, 256), dtype)):
        with T.Kernel(M // 32, threads=256) as bx:
            tx = T.get_thread_binding()
            S = T.alloc_shared((32, 256), dtype)
            r = T.alloc_local((8,), dtype)
            T.copy(A[bx * 32, 0], S)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(S[tx // 8, (tx % 8) * 32:(tx % 8) * 32 + 8], r)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(r, B[bx * 32 + tx // 8, (tx % 8) * 32])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


def loc_2d_threads(M):
    @T.prim_func
    def main(A: T.Tensor((M, 128), "float16"), B: T.Tensor((M, 128), "float16")):
        with T.Kernel(M // 4, threads=(32, 4)) as bx:
            tx = T.get_thread_binding(0)
            ty = T.get_thread_binding(1)
            r = T.alloc_local((4,), "float16")
            T.copy(A[bx * 4 + ty, tx * 4], r)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b
            T.copy(r, B[bx * 4 + ty, tx * 4:tx * 4 + 4])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b

    return main


def loc1_1(N, v, dtype):
    @T.prim_func
    def main(A: T.Tensor((N,), dtype), B: T.Tensor((N,), dtype)):
        with T.Kernel(T.ceildiv(N, 128 * v), threads=128) as bx:
            tx = T.get_thread_binding()
            r = T.alloc_local((v,), dtype)
            T.copy(A[(bx * 128 + tx) * v], r)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(r, B[(bx * 128 + tx) * v:(bx * 128 + tx + 1) * v])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


def loc1_2(N, v, dtype):
    @T.prim_func
    def main(A: T.Tensor((N,), dtype), B: T.Tensor((N,), dtype)):
        with T.Kernel(T.ceildiv(N, 128 * v), threads=128) as bx:
            tx = T.get_thread_binding()
            r = T.alloc_local((v,), dtype)
            T.copy(A[(bx * 128 + tx) * v], r)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b
            T.copy(r, B[(bx * 128 + tx) * v:(bx * 128 + tx + 1) * v])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b

    return main


def loc1_3(N, v, dtype):
    @T.prim_func
    def main(A: T.Tensor((N,), dtype), B: T.Tensor((N,), dtype)):
        with T.Kernel(T.ceildiv(N, 128 * v), threads=128) as bx:
            tx = T.get_thread_binding()
            r = T.alloc_local((v,), dtype)
            T.copy(A[(bx * 128 + tx) * v], r)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(r, B[(bx * 128 + tx) * v:(bx * 128 + tx + 1) * v])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


if __name__ == "__main__":
    loc1_1(1 << 20, 8, "bfloat16")
    loc1_2(1 << 20, 2, "float32")
    loc1_3(1 << 20, 16, "int8")
    loc_odd(1 << 20, 8, "float16")
    loc_shared(1024, "float16")
    loc_2d_threads(1024)
