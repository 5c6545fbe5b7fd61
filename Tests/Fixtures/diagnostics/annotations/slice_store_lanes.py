# fixture: target=sm_80,sm_90,sm_100
# TL225 for bounded slices: the front end types `s[1, 0:4] = v` as a vector store of the last index's lanes, so v must
# be a vector of the same lanes (TypeError "Incompatible types in BufferStore" otherwise, a scalar included); the code
# generator then needs one sliced dimension, no fragment, at most 256 bits and an even lane count for 16-bit floats.
# T.fill of a region, a region times a TIR scalar, T.Broadcast and local buffers build.
import tilelang.language as T


def fill_shared_from_scalar():
    @T.prim_func
    def main(A: T.Tensor((128, 128), "float16")):
        with T.Kernel(1, threads=128):
            s = T.alloc_shared((4, 128), "float16")
            f = T.alloc_fragment((4, 128), "float16")
            l = T.alloc_local((8,), "float16")
            T.copy(A[0:4, :], s)
            T.copy(A[0:4, :], f)
            s[1, 0:64] = T.float16(0)
            #            ^^^^^^^^^^^^ error TL225: s[1, 0:64] is a vector of 64 lanes (its last index is a slice) and T.float16(0) a scalar: the front end fails on every target (TypeError: Incompatible types in BufferStore, float16x64 against a scalar); fill the range with T.fill(s[1, 0:64], value)
            T.copy(s, A[0:4, :])
            T.copy(f, A[4:8, :])
            A[9, 0] = l[1]

    return main


def fill_fragment_from_scalar():
    @T.prim_func
    def main(A: T.Tensor((128, 128), "float32")):
        with T.Kernel(1, threads=128):
            s = T.alloc_shared((4, 128), "float32")
            f = T.alloc_fragment((4, 128), "float32")
            l = T.alloc_local((8,), "float32")
            T.copy(A[0:4, :], s)
            T.copy(A[0:4, :], f)
            f[0, 0:128] = 0
            #             ^ error TL225: f[0, 0:128] is a vector of 128 lanes (its last index is a slice) and 0 a scalar: the front end fails on every target (TypeError: Incompatible types in BufferStore, float32x128 against a scalar); store element by element in a T.Parallel loop
            T.copy(s, A[0:4, :])
            T.copy(f, A[4:8, :])
            A[9, 0] = l[1]

    return main


def fill_shared_with_t_fill():
    @T.prim_func
    def main(A: T.Tensor((128, 128), "float16")):
        with T.Kernel(1, threads=128):
            s = T.alloc_shared((4, 128), "float16")
            f = T.alloc_fragment((4, 128), "float16")
            l = T.alloc_local((8,), "float16")
            T.copy(A[0:4, :], s)
            T.copy(A[0:4, :], f)
            T.fill(s[1, 0:64], T.float16(0))
            T.copy(s, A[0:4, :])
            T.copy(f, A[4:8, :])
            A[9, 0] = l[1]

    return main


def fill_column_from_scalar():
    @T.prim_func
    def main(A: T.Tensor((128, 128), "float16")):
        with T.Kernel(1, threads=128):
            s = T.alloc_shared((4, 128), "float16")
            f = T.alloc_fragment((4, 128), "float16")
            l = T.alloc_local((8,), "float16")
            T.copy(A[0:4, :], s)
            T.copy(A[0:4, :], f)
            s[0:4, 0] = T.float16(0)
            #           ^^^^^^^^^^^^ error TL225: s[0:4, 0] indexes 4 elements through a slice before its last index, and T.float16(0) is a scalar: lowering fails on every target (index_lanes == value_dtype.lanes()); fill the range with T.fill(s[0:4, 0], value)
            T.copy(s, A[0:4, :])
            T.copy(f, A[4:8, :])
            A[9, 0] = l[1]

    return main


def rows_of_other_lengths():
    @T.prim_func
    def main(A: T.Tensor((128, 128), "float16")):
        with T.Kernel(1, threads=128):
            s = T.alloc_shared((4, 128), "float16")
            f = T.alloc_fragment((4, 128), "float16")
            l = T.alloc_local((8,), "float16")
            T.copy(A[0:4, :], s)
            T.copy(A[0:4, :], f)
            s[1, 0:64] = A[0, 0:32]
            #            ^^^^^^^^^^ error TL225: s[1, 0:64] is a vector of 64 lanes along its last index and A[0, 0:32] a vector of 32 lanes: the front end fails on every target (TypeError: Incompatible types in BufferStore, float16x64 against float16x32); make the last slices the same length, or T.copy the region
            T.copy(s, A[0:4, :])
            T.copy(f, A[4:8, :])
            A[9, 0] = l[1]

    return main


def element_from_row():
    @T.prim_func
    def main(A: T.Tensor((128, 128), "float16")):
        with T.Kernel(1, threads=128):
            s = T.alloc_shared((4, 128), "float16")
            f = T.alloc_fragment((4, 128), "float16")
            l = T.alloc_local((8,), "float16")
            T.copy(A[0:4, :], s)
            T.copy(A[0:4, :], f)
            s[1, 0:1] = A[0, 0:4]
            #           ^^^^^^^^^ error TL225: s[1, 0:1] is a single element along its last index and A[0, 0:4] a vector of 4 lanes: the front end fails on every target (TypeError: Incompatible types in BufferStore, float16 against float16x4); make the last slices the same length, or T.copy the region
            T.copy(s, A[0:4, :])
            T.copy(f, A[4:8, :])
            A[9, 0] = l[1]

    return main


def two_sliced_dims():
    @T.prim_func
    def main(A: T.Tensor((128, 128), "float16")):
        with T.Kernel(1, threads=128):
            s = T.alloc_shared((4, 128), "float16")
            f = T.alloc_fragment((4, 128), "float16")
            l = T.alloc_local((8,), "float16")
            T.copy(A[0:4, :], s)
            T.copy(A[0:4, :], f)
            s[0:2, 0:64] = A[0:2, 0:64]
          # ^^^^^^^^^^^^ error TL225: s[0:2, 0:64] slices 2 dimensions by more than one element, and a sliced store is one vector access along the last: lowering fails on every target (Cannot match type int32x…); T.copy the region instead
            T.copy(s, A[0:4, :])
            T.copy(f, A[4:8, :])
            A[9, 0] = l[1]

    return main


def fragment_row():
    @T.prim_func
    def main(A: T.Tensor((128, 128), "float16")):
        with T.Kernel(1, threads=128):
            s = T.alloc_shared((4, 128), "float16")
            f = T.alloc_fragment((4, 128), "float16")
            l = T.alloc_local((8,), "float16")
            T.copy(A[0:4, :], s)
            T.copy(A[0:4, :], f)
            s[1, 0:4] = f[0, 0:4]
            #           ^^^^^^^^^ error TL225: f[0, 0:4] reads or writes 4 lanes of fragment f as one vector, which a fragment's thread layout cannot index: lowering fails on every target (substituting the index with a Ramp); T.copy the region, or store element by element in a T.Parallel loop
            T.copy(s, A[0:4, :])
            T.copy(f, A[4:8, :])
            A[9, 0] = l[1]

    return main


def row_of_512_bits():
    @T.prim_func
    def main(A: T.Tensor((128, 128), "float16")):
        with T.Kernel(1, threads=128):
            s = T.alloc_shared((4, 128), "float16")
            f = T.alloc_fragment((4, 128), "float16")
            l = T.alloc_local((8,), "float16")
            T.copy(A[0:4, :], s)
            T.copy(A[0:4, :], f)
            s[1, 0:32] = A[0, 0:32]
          # ^^^^^^^^^^ error TL225: s[1, 0:32] moves 32 float16 lanes, 512 bits, as one vector, and CUDA vectors hold at most 256: lowering fails on every target (Unsupported vector load size); T.copy the region, which splits it over the threads
            T.copy(s, A[0:4, :])
            T.copy(f, A[4:8, :])
            A[9, 0] = l[1]

    return main


def row_of_256_bits():
    @T.prim_func
    def main(A: T.Tensor((128, 128), "float16")):
        with T.Kernel(1, threads=128):
            s = T.alloc_shared((4, 128), "float16")
            f = T.alloc_fragment((4, 128), "float16")
            l = T.alloc_local((8,), "float16")
            T.copy(A[0:4, :], s)
            T.copy(A[0:4, :], f)
            s[1, 0:16] = A[0, 0:16]
            T.copy(s, A[0:4, :])
            T.copy(f, A[4:8, :])
            A[9, 0] = l[1]

    return main


def three_halves():
    @T.prim_func
    def main(A: T.Tensor((128, 128), "bfloat16")):
        with T.Kernel(1, threads=128):
            s = T.alloc_shared((4, 128), "bfloat16")
            f = T.alloc_fragment((4, 128), "bfloat16")
            l = T.alloc_local((8,), "bfloat16")
            T.copy(A[0:4, :], s)
            T.copy(A[0:4, :], f)
            s[1, 0:3] = A[0, 0:3]
          # ^^^^^^^^^ error TL225: s[1, 0:3] moves 3 bfloat16 lanes as one vector, and CUDA's 16-bit float vectors need an even lane count: lowering fails on every target (only support even lane for half type); T.copy the region, or store element by element
            T.copy(s, A[0:4, :])
            T.copy(f, A[4:8, :])
            A[9, 0] = l[1]

    return main


def three_floats():
    @T.prim_func
    def main(A: T.Tensor((128, 128), "float32")):
        with T.Kernel(1, threads=128):
            s = T.alloc_shared((4, 128), "float32")
            f = T.alloc_fragment((4, 128), "float32")
            l = T.alloc_local((8,), "float32")
            T.copy(A[0:4, :], s)
            T.copy(A[0:4, :], f)
            s[1, 0:3] = A[0, 0:3]
            T.copy(s, A[0:4, :])
            T.copy(f, A[4:8, :])
            A[9, 0] = l[1]

    return main


def row_times_scalar():
    @T.prim_func
    def main(A: T.Tensor((128, 128), "float32")):
        with T.Kernel(1, threads=128):
            s = T.alloc_shared((4, 128), "float32")
            f = T.alloc_fragment((4, 128), "float32")
            l = T.alloc_local((8,), "float32")
            T.copy(A[0:4, :], s)
            T.copy(A[0:4, :], f)
            s[1, 0:8] = A[0, 0:8] * T.float32(2)
            T.copy(s, A[0:4, :])
            T.copy(f, A[4:8, :])
            A[9, 0] = l[1]

    return main


def broadcast_value():
    @T.prim_func
    def main(A: T.Tensor((128, 128), "float16")):
        with T.Kernel(1, threads=128):
            s = T.alloc_shared((4, 128), "float16")
            f = T.alloc_fragment((4, 128), "float16")
            l = T.alloc_local((8,), "float16")
            T.copy(A[0:4, :], s)
            T.copy(A[0:4, :], f)
            s[1, 0:4] = T.Broadcast(T.float16(0), 4)
            T.copy(s, A[0:4, :])
            T.copy(f, A[4:8, :])
            A[9, 0] = l[1]

    return main


def column_from_column():
    @T.prim_func
    def main(A: T.Tensor((128, 128), "float16")):
        with T.Kernel(1, threads=128):
            s = T.alloc_shared((4, 128), "float16")
            f = T.alloc_fragment((4, 128), "float16")
            l = T.alloc_local((8,), "float16")
            T.copy(A[0:4, :], s)
            T.copy(A[0:4, :], f)
            s[0:4, 0] = A[0:4, 0]
            T.copy(s, A[0:4, :])
            T.copy(f, A[4:8, :])
            A[9, 0] = l[1]

    return main


def local_row():
    @T.prim_func
    def main(A: T.Tensor((128, 128), "float16")):
        with T.Kernel(1, threads=128):
            s = T.alloc_shared((4, 128), "float16")
            f = T.alloc_fragment((4, 128), "float16")
            l = T.alloc_local((8,), "float16")
            T.copy(A[0:4, :], s)
            T.copy(A[0:4, :], f)
            l[0:4] = A[0, 0:4]
            T.copy(s, A[0:4, :])
            T.copy(f, A[4:8, :])
            A[9, 0] = l[1]

    return main


if __name__ == "__main__":
    fill_shared_from_scalar()
    fill_fragment_from_scalar()
    fill_shared_with_t_fill()
    fill_column_from_scalar()
    rows_of_other_lengths()
    element_from_row()
    two_sliced_dims()
    fragment_row()
    row_of_512_bits()
    row_of_256_bits()
    three_halves()
    three_floats()
    row_times_scalar()
    broadcast_value()
    column_from_column()
    local_row()
