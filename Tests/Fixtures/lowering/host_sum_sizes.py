# fixture: target=sm_80,sm_90,sm_100
# Sizes from Python's `sum` over a list of batch sizes (a grouped GEMM's total rows): the global tensor's shape is
# known, so its copies are planned. The A tile starts at a row read from the batch offsets (a run-time value): cp.async
# 128 bits on sm_80, TMA on sm_90 and sm_100. Checked with tilelang 0.1.15 (sweep M's grouped GEMMs).
import tilelang.language as T


def grouped_gemm(batch_sizes_list, K=1024, N=1024, block_M=64, block_N=64, block_K=64):
    batch_sum = sum(batch_sizes_list)
    batch_count = len(batch_sizes_list)
    total_m_blocks = sum((size + block_M - 1) // block_M for size in batch_sizes_list)

    @T.prim_func
    def main(
        A: T.Tensor((batch_sum, K), "float16"),
        B: T.Tensor((batch_count, K, N), "float16"),
        C: T.Tensor((batch_sum, N), "float16"),
        batch_offsets: T.Tensor((batch_count,), "int32"),
        batch_padded_offsets: T.Tensor((batch_count,), "int32"),
    ):
        with T.Kernel(total_m_blocks, T.ceildiv(N, block_N), threads=128) as (bx, by):
            A_shared = T.alloc_shared((block_M, block_K), "float16")
            B_shared = T.alloc_shared((block_K, block_N), "float16")
            C_local = T.alloc_fragment((block_M, block_N), "float32")
            cur = T.alloc_local([1], "int32")
            cur[0] = 0
            for i in range(batch_count):
                cur[0] = T.if_then_else(bx * block_M >= batch_padded_offsets[i], i, cur[0])
            m_start = bx * block_M - batch_padded_offsets[cur[0]] + batch_offsets[cur[0]]
            T.clear(C_local)
            for k in T.Pipelined(T.ceildiv(K, block_K), num_stages=2):
                T.copy(A[m_start : m_start + block_M, k * block_K : (k + 1) * block_K], A_shared)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: tma_load
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.copy(B[cur[0], k * block_K : (k + 1) * block_K, by * block_N : (by + 1) * block_N], B_shared)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: tma_load
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.gemm(A_shared, B_shared, C_local)
            for i, j in T.Parallel(block_M, block_N):
                C[m_start + i, by * block_N + j] = C_local[i, j]

    return main


if __name__ == "__main__":
    grouped_gemm([64, 128, 256])
