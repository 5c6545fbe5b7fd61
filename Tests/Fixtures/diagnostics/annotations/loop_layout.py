# fixture: target=sm_90
# TL207: loop_layout needs a SIMT copy; shared→global lowers to a TMA store on sm_90 unless disable_tma=True.
import tilelang.language as T


def layout_on_tma(block_M, block_N):
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((block_M, block_N), "float16")
            layout = T.Fragment((block_M, block_N), forward_thread_fn=lambda i, j: i % 128)
            T.copy(A[bx * block_M, 0], S)
            T.copy(S, B[bx * block_M, 0], loop_layout=layout)
            #                             ^^^^^^^^^^^^^^^^^^ error TL207: T.copy loop layout annotation requires SIMT copy; got BulkStore for src=S, dst=B on sm_90. Remove loop_layout or pass disable_tma=True

    return main


def layout_on_simt(block_M, block_N):
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((block_M, block_N), "float16")
            T.copy(A[bx * block_M, 0], S)
            T.copy(S, B[bx * block_M, 0], disable_tma=True)

    return main


if __name__ == "__main__":
    layout_on_tma(64, 64)
    layout_on_simt(64, 64)
