"""Stand-in `torch.version`: no CUDA, no HIP."""

__version__ = "0.0.0+tl-lsp-stub"
cuda = None
hip = None
git_version = None
