-- Neovim's built-in LSP client on claimcheck's server (Neovim 0.7 and
-- later): open the file given on the command line, wait for the
-- diagnostics, write their codes and messages as JSON to $CLAIMCHECK_OUT.
local bin = os.getenv('CLAIMCHECK_BIN')
local config = os.getenv('CLAIMCHECK_CONFIG')
local out = os.getenv('CLAIMCHECK_OUT')
local buf = vim.api.nvim_get_current_buf()
local client = vim.lsp.start_client({
  name = 'claimcheck',
  cmd = { bin, '--config', config, 'server' },
  root_dir = vim.fn.getcwd(),
})
vim.lsp.buf_attach_client(buf, client)
vim.wait(30000, function()
  return #vim.diagnostic.get(buf) > 0
end, 50)
local found = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local lsp = d.user_data and d.user_data.lsp or {}
  table.insert(found, {
    code = d.code or lsp.code,
    message = d.message,
    line = d.lnum,
    related = lsp.relatedInformation and #lsp.relatedInformation or 0,
  })
end
vim.fn.writefile({ vim.fn.json_encode(found) }, out)
vim.lsp.stop_client(client)
vim.wait(5000, function()
  return vim.lsp.client_is_stopped(client)
end, 50)
vim.cmd('qa!')
