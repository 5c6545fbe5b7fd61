-- Neovim headless client test for tl-lsp (nvim 0.7+): starts the server with vim.lsp.start_client, opens a
-- fixture, waits for publishDiagnostics and a hover response, writes a report, and exits non-zero on failure.
-- Usage: TL_LSP_SERVER=... TL_LSP_FIXTURE=... TL_LSP_REPORT=... nvim --headless -u NONE -c "luafile nvim_client.lua"
local server = vim.env.TL_LSP_SERVER
local fixture = vim.env.TL_LSP_FIXTURE
local report_path = vim.env.TL_LSP_REPORT
local results = {}
local failed = 0

local function check(name, ok, detail)
  table.insert(results, (ok and "PASS " or "FAIL ") .. name .. (detail and (": " .. detail) or ""))
  if not ok then failed = failed + 1 end
end

local function finish()
  local f = io.open(report_path, "w")
  if f then
    f:write(table.concat(results, "\n") .. "\n")
    f:close()
  end
  vim.cmd((failed == 0) and "qall!" or "cquit! 1")
end

local diagnostics_seen = false
local client_id = vim.lsp.start_client({
  name = "tl-lsp",
  cmd = { server },
  root_dir = vim.fn.fnamemodify(fixture, ":h"),
  handlers = {
    ["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
      diagnostics_seen = true
      vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
    end,
  },
})
check("start_client", client_id ~= nil)
if not client_id then return finish() end

vim.cmd("edit " .. vim.fn.fnameescape(fixture))
local bufnr = vim.api.nvim_get_current_buf()
vim.bo[bufnr].filetype = "python"
vim.lsp.buf_attach_client(bufnr, client_id)

local ok = vim.wait(10000, function() return diagnostics_seen end, 20)
check("publishDiagnostics received", ok)

-- Find the first `T.copy(` and hover its name.
local line_nr, col
for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
  local s = line:find("T.copy(", 1, true)
  if s then line_nr, col = i - 1, s + 2; break end
end
check("fixture has T.copy", line_nr ~= nil)
if line_nr then
  local client = vim.lsp.get_client_by_id(client_id)
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = line_nr, character = col } }
  local response = client.request_sync("textDocument/hover", params, 10000, bufnr)
  local value = response and response.result and response.result.contents and response.result.contents.value or ""
  check("hover response", response ~= nil and response.err == nil, response and response.err and vim.inspect(response.err))
  check("hover mentions T.copy", value:find("**T.copy**", 1, true) ~= nil and value:find("loop over", 1, true) ~= nil, (value:sub(1, 80):gsub("\n", " ")))

  local stopped = false
  client.stop()
  vim.wait(5000, function() stopped = client.is_stopped(); return stopped end, 20)
  check("server stopped", stopped)
end
finish()
