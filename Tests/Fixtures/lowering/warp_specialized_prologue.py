# fixture: target=sm_80,sm_90
# On sm_90 warp specialisation also moves the loads written before a T.Pipelined loop into the producer when the
# loop reads their tile (FlashAttention's Q): they become TMA like the loop's own loads. A load the loop does not
# read, one with disable_tma=True, and loads before a loop that is not warp-specialised stay SIMT; sm_80 has no
# producer (checked with tilelang 0.1.15).
import tilelang.language as T


def query_tile(n):
    @T.prim_func
    def main(Q: T.Tensor((1024, 64), "float16"), K: T.Tensor((1024, 64), "float16"), O: T.Tensor((1024, 64), "float32")):
        with T.Kernel(16, threads=128) as bx:
            Q_s = T.alloc_shared((64, 64), "float16")
            K_s = T.alloc_shared((64, 64), "float16")
            P_s = T.alloc_shared((64, 64), "float16")
            acc = T.alloc_fragment((64, 64), "float32")
            T.copy(Q[bx * 64, 0], Q_s)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
            T.clear(acc)
            for k in T.Pipelined(n, num_stages=2):
                T.copy(K[k * 64, 0], K_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.gemm(Q_s, K_s, acc, transpose_B=True)

            T.copy(acc, O[bx * 64, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b

    return main


def query_tile_without_tma(n):
    @T.prim_func
    def main(Q: T.Tensor((1024, 64), "float16"), K: T.Tensor((1024, 64), "float16"), O: T.Tensor((1024, 64), "float32")):
        with T.Kernel(16, threads=128) as bx:
            Q_s = T.alloc_shared((64, 64), "float16")
            K_s = T.alloc_shared((64, 64), "float16")
            P_s = T.alloc_shared((64, 64), "float16")
            acc = T.alloc_fragment((64, 64), "float32")
            T.copy(Q[bx * 64, 0], Q_s, disable_tma=True)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.clear(acc)
            for k in T.Pipelined(n, num_stages=2):
                T.copy(K[k * 64, 0], K_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.gemm(Q_s, K_s, acc, transpose_B=True)

            T.copy(acc, O[bx * 64, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b

    return main


def tile_read_after_the_loop(n):
    @T.prim_func
    def main(Q: T.Tensor((1024, 64), "float16"), K: T.Tensor((1024, 64), "float16"), O: T.Tensor((1024, 64), "float32")):
        with T.Kernel(16, threads=128) as bx:
            Q_s = T.alloc_shared((64, 64), "float16")
            K_s = T.alloc_shared((64, 64), "float16")
            P_s = T.alloc_shared((64, 64), "float16")
            acc = T.alloc_fragment((64, 64), "float32")
            T.copy(Q[bx * 64, 0], Q_s)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
            T.copy(Q[bx * 64, 0], P_s)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.clear(acc)
            for k in T.Pipelined(n, num_stages=2):
                T.copy(K[k * 64, 0], K_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.gemm(Q_s, K_s, acc, transpose_B=True)
            T.gemm(P_s, Q_s, acc, transpose_B=True)
            T.copy(acc, O[bx * 64, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b

    return main


def loop_not_warp_specialized(n):
    @T.prim_func
    def main(Q: T.Tensor((1024, 64), "float16"), K: T.Tensor((1024, 64), "float16"), O: T.Tensor((1024, 64), "float32")):
        with T.Kernel(16, threads=128) as bx:
            Q_s = T.alloc_shared((64, 64), "float16")
            K_s = T.alloc_shared((64, 64), "float16")
            P_s = T.alloc_shared((64, 64), "float16")
            acc = T.alloc_fragment((64, 64), "float32")
            T.copy(Q[bx * 64, 0], Q_s)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.clear(acc)
            for k in T.Pipelined(n, num_stages=2):
                T.copy(K[k * 64, 0], K_s, disable_tma=True)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: cp_async 128b
                T.gemm(Q_s, K_s, acc, transpose_B=True)

            T.copy(acc, O[bx * 64, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b

    return main


if __name__ == "__main__":
    query_tile(16)
    query_tile_without_tma(16)
    tile_read_after_the_loop(16)
    loop_not_warp_specialized(16)
