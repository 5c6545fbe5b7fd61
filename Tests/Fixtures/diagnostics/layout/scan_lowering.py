# fixture: target=sm_80,sm_90
# TL419: T.cumsum / T.cummax lower only on shared memory: a shared source scanned into a shared destination, over a
# region of one or two dimensions (a region keeps every dimension of its buffer, so x[0, :, :] of a 3-D tile is 3-D).
# A fragment is staged through a shared tile of its shape first, so any destination works, but not three dimensions.
import tilelang.language as T


def scan_outside_tiles(src, dst):
    @T.prim_func
    def main(X: T.Tensor((32, 64), "float32"), Y: T.Tensor((32, 64), "float32")):
        with T.Kernel(1, threads=128):
            if src == "global":
                x = X
            else:
                x = T.alloc_local((32, 64), "float32")
                T.copy(X, x)
            if dst == "global":
                T.cumsum(x, Y, dim=1)
                #        ^ error TL419: T.cumsum scans X (global) into Y (global): scans run on shared memory (or on a fragment, staged through it), and lowering fails ("Cannot lower cumsum for global and global"); T.copy X into a T.alloc_shared tile, scan it there and copy the result out (with src="global", dst="global" from line 105)
            elif dst == "shared":
                y = T.alloc_shared((32, 64), "float32")
                T.cumsum(x, y, dim=1)
                #        ^ error TL419: T.cumsum scans X (global) into y (shared.dyn): scans run on shared memory (or on a fragment, staged through it), and lowering fails ("Cannot lower cumsum for global and shared.dyn"); T.copy X into a T.alloc_shared tile, scan it there and copy the result out (with src="global", dst="shared" from line 107)
                T.copy(y, Y)
            else:
                T.cumsum(x, dim=1)
                #        ^ error TL419: T.cumsum scans X (global) in place: scans run on shared memory (or on a fragment, staged through it), and lowering fails ("Cannot lower cumsum for global and global"); T.copy X into a T.alloc_shared tile, scan it there and copy the result out (with src="global", dst="none" from line 106)
                #        ^ error TL419: T.cumsum scans x (local) in place: scans run on shared memory (or on a fragment, staged through it), and lowering fails ("Cannot lower cumsum for local and local"); T.copy x into a T.alloc_shared tile, scan it there and copy the result out (with src="local", dst="none" from line 108)
                if src != "global":
                    T.copy(x, Y)

    return main


def scan_tile_scopes(src, dst):
    @T.prim_func
    def main(X: T.Tensor((32, 64), "float32"), Y: T.Tensor((32, 64), "float32")):
        with T.Kernel(1, threads=128):
            if src == "shared":
                x = T.alloc_shared((32, 64), "float32")
            else:
                x = T.alloc_fragment((32, 64), "float32")
            T.copy(X, x)
            if dst == "global":
                T.cumsum(x, Y, dim=1)
                #           ^ error TL419: T.cumsum reads x (shared.dyn) into Y (global): a scan of shared memory must write shared memory, and lowering fails ("Check failed: (IsSharedBuffer(op.dst)) is false"); scan x in place and T.copy it to Y (with src="shared", dst="global" from line 109)
            else:
                if dst == "shared":
                    y = T.alloc_shared((32, 64), "float32")
                else:
                    y = T.alloc_fragment((32, 64), "float32")
                T.cumsum(x, y, dim=1)
                #           ^ error TL419: T.cumsum reads x (shared.dyn) into y (local.fragment): a scan of shared memory must write shared memory, and lowering fails ("Check failed: (IsSharedBuffer(op.dst)) is false"); scan x in place and T.copy it to y (with src="shared", dst="fragment" from line 110)
                T.copy(y, Y)

    return main


def scan_rank(op, scope, leading, region):
    @T.prim_func
    def main(X: T.Tensor((leading, 16, 32), "float32"), Y: T.Tensor((leading, 16, 32), "float32")):
        with T.Kernel(1, threads=128):
            if scope == "shared":
                x = T.alloc_shared((leading, 16, 32), "float32")
            else:
                x = T.alloc_fragment((leading, 16, 32), "float32")
            T.copy(X, x)
            if region:
                T.cumsum(x[0, :, :], dim=2)
                #        ^^^^^^^^^^ error TL419: T.cumsum scans 3 dimensions of x (2, 16, 32): the scan lowering handles 1-D and 2-D buffers only ("CumSum currently supports only 1D or 2D buffers, got 3D."); scan a 2-D tile (one per leading index) (with op="cumsum", scope="shared", leading=2, region=True from line 117)
            elif op == "cummax":
                T.cummax(x, dim=2)
                #        ^ error TL419: T.cummax scans 3 dimensions of x (2, 16, 32): the scan lowering handles 1-D and 2-D buffers only ("CumMax currently supports only 1D or 2D buffers, got 3D."); scan a 2-D tile (one per leading index) (with op="cummax", scope="shared", leading=2, region=False from line 119)
            else:
                T.cumsum(x, dim=2)
                #        ^ error TL419: T.cumsum scans 3 dimensions of x (1, 16, 32): the scan lowering handles 1-D and 2-D buffers only ("CumSum currently supports only 1D or 2D buffers, got 3D."); scan a 2-D tile (one per leading index) (with op="cumsum", scope="shared", leading=1, region=False from line 118)
                #        ^ error TL419: T.cumsum scans 3 dimensions of x (2, 16, 32) (the fragment is staged through a shared tile of that shape): the scan lowering handles 1-D and 2-D buffers only ("CumSum currently supports only 1D or 2D buffers, got 3D."); scan a 2-D tile (one per leading index) (with op="cumsum", scope="fragment", leading=2, region=False from line 116)
                #        ^ error TL419: T.cumsum scans 3 dimensions of x (2, 16, 32): the scan lowering handles 1-D and 2-D buffers only ("CumSum currently supports only 1D or 2D buffers, got 3D."); scan a 2-D tile (one per leading index) (with op="cumsum", scope="shared", leading=2, region=False from line 115)
            T.copy(x, Y)

    return main


def scan_tiles(scope):
    @T.prim_func
    def main(X: T.Tensor((2, 16, 32), "float32"), Y: T.Tensor((2, 16, 32), "float32")):
        with T.Kernel(2, threads=128) as b:
            if scope == "shared":
                x = T.alloc_shared((16, 32), "float32")
                v = T.alloc_shared((32,), "float32")
            else:
                x = T.alloc_fragment((16, 32), "float32")
                v = T.alloc_fragment((32,), "float32")
            T.copy(X[b, :, :], x)
            T.cumsum(x, dim=1)
            T.copy(X[b, 0, :], v)
            T.cummax(v, dim=0)
            T.copy(x, Y[b, :, :])
            T.copy(v, Y[b, 0, :])

    return main


if __name__ == "__main__":
    scan_outside_tiles("global", "global")
    scan_outside_tiles("global", "none")
    scan_outside_tiles("global", "shared")
    scan_outside_tiles("local", "none")
    scan_tile_scopes("shared", "global")
    scan_tile_scopes("shared", "fragment")
    scan_tile_scopes("shared", "shared")
    scan_tile_scopes("fragment", "global")
    scan_tile_scopes("fragment", "fragment")
    scan_tile_scopes("fragment", "shared")
    scan_rank("cumsum", "shared", 2, False)
    scan_rank("cumsum", "fragment", 2, False)
    scan_rank("cumsum", "shared", 2, True)
    scan_rank("cumsum", "shared", 1, False)
    scan_rank("cummax", "shared", 2, False)
    scan_tiles("shared")
    scan_tiles("fragment")
