# fixture: target=sm_80,sm_90
# TL105 needs shapes that certainly differ. `copy_kernel(K, V)` with K and V read from host tensors' shapes (which
# tl-lsp does not know) may well have K == V, as the wrapper's guard demands: no error there. Built with 128 and 64 the
# whole-buffer copy fails on every target ("ValueError: StructuralEqual check failed"); with 128 and 128 it builds.
import tilelang.language as T


def copy_kernel(K, V, BT=16):
    @T.prim_func
    def main(X: T.Tensor((BT, K), "float32"), Y: T.Tensor((BT, V), "float16")):
        with T.Kernel(1, threads=128) as bx:
            frag = T.alloc_fragment((BT, K), "float32")
            v_like_shared = T.alloc_shared((BT, V), "float16")
            T.copy(X, frag)
            T.copy(frag, v_like_shared)
            #            ^^^^^^^^^^^^^ error TL105: T.copy of whole buffers needs equal shapes: frag is (16, 128), v_like_shared is (16, 64) (the front end raises ValueError: StructuralEqual check failed) (with K=128, V=64, BT=16 from line 32)
            T.copy(v_like_shared, Y)

    return main


def run(x, y):
    K = x.shape[-1]
    V = y.shape[-1]
    if V != K:
        raise NotImplementedError("requires K == V")
    return copy_kernel(K, V)


if __name__ == "__main__":
    copy_kernel(128, 128)
    copy_kernel(128, 64)
