-- tl-lsp for Neovim 0.8+ without plugins: put this in your config (e.g. ~/.config/nvim/after/ftplugin/python.lua,
-- or require it from init.lua). Starts or reuses one tl-lsp client per project root for Python buffers.
vim.api.nvim_create_autocmd("FileType", {
  pattern = "python",
  callback = function(args)
    local root = vim.fs.dirname(vim.fs.find({ "pyproject.toml", "setup.py", ".git" }, { upward = true, path = vim.api.nvim_buf_get_name(args.buf) })[1])
    vim.lsp.start({
      name = "tl-lsp",
      cmd = { "tl-lsp" }, -- add "--log", "/tmp/tl-lsp.log" to debug
      root_dir = root or vim.fn.getcwd(),
      init_options = { targets = { "sm_90" }, inlayHints = true },
      settings = { ["tl-lsp"] = { targets = { "sm_90" } } },
    }, { bufnr = args.buf })
  end,
})
