# fixture: target=sm_80
# TL202: a copy of a fragment that an earlier copy laid out follows that layout, so its coalesced_width has no
# effect. The copy that lays the fragment out honours it (near miss), and so does a copy of a shared tile.
import tilelang.language as T


def second_copy_annotated(M):
    @T.prim_func
    def main(A: T.Tensor((M, 1024), "float32"), B: T.Tensor((M, 1024), "float32")):
        with T.Kernel(4, threads=128) as by:
            F = T.alloc_fragment((128, 16), "float32")
            T.copy(A[by * 128, 0], F)
            T.copy(F, B[by * 128, 0], coalesced_width=2)
            #                                         ^ warning TL202: coalesced_width=2 has no effect: F's layout comes from the copy on line 12, and this copy follows it (4 lanes) [sm_80]

    return main


def first_copy_annotated(M):
    @T.prim_func
    def main(A: T.Tensor((M, 1024), "float16"), B: T.Tensor((M, 1024), "float16")):
        with T.Kernel(4, threads=128) as by:
            F = T.alloc_fragment((64, 64), "float16")
            T.copy(A[by * 64, 0], F, coalesced_width=2)
            T.copy(F, B[by * 64, 0])

    return main


def shared_tile_annotated(M):
    @T.prim_func
    def main(A: T.Tensor((M, 1024), "float16"), B: T.Tensor((M, 1024), "float16")):
        with T.Kernel(4, threads=128) as by:
            S = T.alloc_shared((64, 64), "float16")
            T.copy(A[by * 64, 0], S)
            T.copy(S, B[by * 64, 0], coalesced_width=4, disable_tma=True)

    return main


if __name__ == "__main__":
    second_copy_annotated(256)
    first_copy_annotated(256)
    shared_tile_annotated(256)
