# fixture: target=sm_80
# TL206: a keyword that the annotations dict overrides; TL208: a keyword T.copy does not take.
import tilelang.language as T


def both(block_M, block_N):
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((block_M, block_N), "float16")
            T.copy(A[bx * block_M, 0], S, coalesced_width=2, annotations={"coalesced_width": 4})
            #                             ^^^^^^^^^^^^^^^^^ warning TL206: `coalesced_width=` is ignored: the annotations dict also sets "coalesced_width" and the dict wins (dict value `4`)
            T.copy(S, B[bx * block_M, 0], annotations={"coalesced_width": 4})

    return main


def unknown_keyword(block_M, block_N):
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((block_M, block_N), "float16")
            T.copy(A[bx * block_M, 0], S, vector_width=8)
            #                             ^^^^^^^^^^^^ error TL208: T.copy has no keyword `vector_width` (TypeError: copy() got an unexpected keyword argument 'vector_width'); it accepts annotations, coalesced_width, disable_tma, eviction_policy, loop_layout, prefer_instruction
            T.copy(S, B[bx * block_M, 0])

    return main


if __name__ == "__main__":
    both(64, 64)
    unknown_keyword(64, 64)
