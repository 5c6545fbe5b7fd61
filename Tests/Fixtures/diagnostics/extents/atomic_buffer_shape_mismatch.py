# fixture: target=sm_80,sm_90
# TL105: T.atomic_add / atomic_max / atomic_min of two whole buffers need equal shapes (the front end asserts
# structural equality); equal shapes, and a region of the larger buffer with matching extents, pass.
import tilelang.language as T


def atomic_whole(rows, op):
    @T.prim_func
    def main(A: T.Tensor((64, 64), "float32"), C: T.Tensor((rows, 64), "float32")):
        with T.Kernel(1, threads=128) as bx:
            f = T.alloc_fragment((64, 64), "float32")
            g = T.alloc_fragment((rows, 64), "float32")
            T.copy(A, f)
            T.clear(g)
            if op == "add":
                T.atomic_add(g, f)
                #               ^ error TL105: T.atomic_add of whole buffers needs equal shapes: g is (32, 64), f is (64, 64) (the front end raises ValueError: StructuralEqual check failed); pass regions of equal extents instead (with rows=32, op="add" from line 53)
            elif op == "max":
                T.atomic_max(g, f)
                #               ^ error TL105: T.atomic_max of whole buffers needs equal shapes: g is (32, 64), f is (64, 64) (the front end raises ValueError: StructuralEqual check failed); pass regions of equal extents instead (with rows=32, op="max" from line 54)
            else:
                T.atomic_min(g, f)
                #               ^ error TL105: T.atomic_min of whole buffers needs equal shapes: g is (32, 64), f is (64, 64) (the front end raises ValueError: StructuralEqual check failed); pass regions of equal extents instead (with rows=32, op="min" from line 55)
            T.copy(g, C)

    return main


def atomic_to_global(rows):
    @T.prim_func
    def main(A: T.Tensor((64, 64), "float32"), C: T.Tensor((rows, 64), "float32")):
        with T.Kernel(1, threads=128) as bx:
            f = T.alloc_fragment((64, 64), "float32")
            T.copy(A, f)
            T.atomic_add(C, f)
            #               ^ error TL105: T.atomic_add of whole buffers needs equal shapes: C is (128, 64), f is (64, 64) (the front end raises ValueError: StructuralEqual check failed); pass regions of equal extents instead (with rows=128 from line 57)

    return main


def atomic_region():
    @T.prim_func
    def main(A: T.Tensor((64, 64), "float32"), C: T.Tensor((128, 64), "float32")):
        with T.Kernel(2, threads=128) as bx:
            f = T.alloc_fragment((64, 64), "float32")
            T.copy(A, f)
            T.atomic_add(C[bx * 64 : bx * 64 + 64, :], f)

    return main


if __name__ == "__main__":
    atomic_whole(32, "add")
    atomic_whole(32, "max")
    atomic_whole(32, "min")
    atomic_whole(64, "add")
    atomic_to_global(128)
    atomic_to_global(64)
    atomic_region()
