# fixture: target=sm_80,sm_90,sm_100
# A (1, N) fragment read at [0, j] in an element-wise T.Parallel loop (a broadcast row, an rms-norm weight kept 2-D) is a
# column vector of the loop's tile, like a 1-D `w[j]`: layout inference may root the component at its copy, and with
# 2560 float32 columns over 256 threads each thread then holds 10 contiguous columns of every row, so the 2 × 2560
# tile's copies move 2 lanes (64 bits), not 4. Checked with tilelang 0.1.15 (sweep M's L-A: cjmcv's rms_norm).
import tilelang.language as T


def broadcast_row(R=2, N=2560, threads=256):
    @T.prim_func
    def main(A: T.Tensor((64, N), "bfloat16"), B: T.Tensor((1, N), "bfloat16"), C: T.Tensor((64, N), "bfloat16")):
        with T.Kernel(64 // R, threads=threads) as bx:
            A_shared = T.alloc_shared((R, N), "bfloat16")
            A_local = T.alloc_fragment((R, N), "float32")
            B_shared = T.alloc_shared((1, N), "bfloat16")
            B_local = T.alloc_fragment((1, N), "float32")
            T.copy(A[bx * R, 0], A_shared)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b
            T.copy(B[0:1, :], B_shared)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 32b
            T.copy(A_shared, A_local)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b
            T.copy(B_shared, B_local)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b
            for i, j in T.Parallel(R, N):
                A_local[i, j] *= B_local[0, j]
            T.copy(A_local, C[bx * R, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b

    return main


if __name__ == "__main__":
    broadcast_row()
