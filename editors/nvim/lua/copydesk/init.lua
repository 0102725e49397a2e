-- copydesk for Neovim: starts `copydesk lsp` for text and Markdown buffers.
--
--   require("copydesk").setup({
--     cmd = { "copydesk", "lsp" },            -- or { "/path/to/copydesk", "lsp" }
--     filetypes = { "text", "markdown" },
--     settings = { copydesk = { rules = { ["quote-marks"] = { enabled = false } } } },
--   })
--
-- Neovim >= 0.11 uses vim.lsp.config/vim.lsp.enable; 0.8-0.10 use vim.lsp.start
-- from a FileType autocmd. The server pulls `settings.copydesk` through
-- workspace/configuration.
local M = {}

M.name = "copydesk"

local defaults = {
  cmd = { "copydesk", "lsp" },
  filetypes = { "text", "markdown" },
  root_markers = { "copydesk.toml", ".git" },
  settings = { copydesk = {} },
  on_attach = nil,
  on_init = nil,
  capabilities = nil,
  -- true: start from a FileType autocmd with vim.lsp.start (the 0.8-0.10 way)
  -- even on Neovim 0.11, instead of vim.lsp.config/vim.lsp.enable.
  autocmd = false,
}

M.config = vim.deepcopy(defaults)

local has_011 = vim.fn.has("nvim-0.11") == 1

local function notify(msg, level)
  vim.schedule(function()
    vim.notify("copydesk: " .. msg, level or vim.log.levels.INFO)
  end)
end

--- True when the server command can be run; tells the user how to fix it otherwise.
local warned_missing = false
local function check_cmd(cmd)
  if type(cmd) ~= "table" or type(cmd[1]) ~= "string" then
    return true -- a function cmd (e.g. a TCP connection) is the user's business
  end
  if vim.fn.executable(cmd[1]) == 1 then
    return true
  end
  if not warned_missing then
    warned_missing = true
    notify(
      ("cannot find the server `%s`. Install copydesk (`cargo install --path .` in its repository puts it on PATH) "
        .. 'or pass its path: require("copydesk").setup({ cmd = { "/path/to/copydesk", "lsp" } })'):format(cmd[1]),
      vim.log.levels.ERROR
    )
  end
  return false
end

local function root_dir_for(bufnr)
  local fname = vim.api.nvim_buf_get_name(bufnr)
  local start = fname ~= "" and vim.fs.dirname(fname) or vim.fn.getcwd()
  local found = vim.fs.find(M.config.root_markers, { upward = true, path = start })[1]
  return found and vim.fs.dirname(found) or start
end

-- copydesk pushes versioned diagnostics (re-published after a settings change)
-- and also answers pulls. Neovim 0.11 would take both, into two namespaces,
-- showing every finding twice once the buffer changes; use the pushed ones.
local function on_init(client, result)
  if client.server_capabilities then
    client.server_capabilities.diagnosticProvider = nil
  end
  if M.config.on_init then
    return M.config.on_init(client, result)
  end
end

local function client_config()
  local c = M.config
  return {
    on_init = on_init,
    name = M.name,
    cmd = c.cmd,
    filetypes = c.filetypes,
    root_markers = c.root_markers,
    settings = c.settings,
    on_attach = c.on_attach,
    capabilities = c.capabilities,
  }
end

local augroup = nil

--- Set copydesk up. Calling it again replaces the previous options.
function M.setup(opts)
  opts = opts or {}
  M.config = vim.tbl_deep_extend("force", vim.deepcopy(defaults), opts)
  -- Lists are replaced, not merged.
  for _, key in ipairs({ "cmd", "filetypes", "root_markers" }) do
    if opts[key] ~= nil then
      M.config[key] = opts[key]
    end
  end
  if type(M.config.cmd) == "string" then
    M.config.cmd = { M.config.cmd, "lsp" }
  end
  if M.config.settings.copydesk == nil then
    M.config.settings.copydesk = {}
  end
  if not check_cmd(M.config.cmd) then
    return
  end

  if has_011 and not M.config.autocmd then
    vim.lsp.config(M.name, client_config())
    vim.lsp.enable(M.name)
    return
  end

  augroup = vim.api.nvim_create_augroup("copydesk", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = augroup,
    pattern = M.config.filetypes,
    callback = function(args)
      M.start(args.buf)
    end,
  })
  -- Buffers already open when setup() runs.
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(buf) and vim.tbl_contains(M.config.filetypes, vim.bo[buf].filetype) then
      M.start(buf)
    end
  end
end

--- Start (or reuse) the server for a buffer on Neovim 0.8-0.10.
function M.start(bufnr)
  local cfg = client_config()
  cfg.root_dir = root_dir_for(bufnr)
  cfg.root_markers = nil
  cfg.filetypes = nil
  return vim.lsp.start(cfg, { bufnr = bufnr })
end

--- The copydesk client attached to a buffer, if any.
function M.client(bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  local get = vim.lsp.get_clients or vim.lsp.get_active_clients
  return get({ name = M.name, bufnr = bufnr })[1]
end

local function request(client, method, params, handler, bufnr)
  if has_011 then
    return client:request(method, params, handler, bufnr)
  end
  return client.request(method, params, handler, bufnr)
end

--- Show a Markdown text in a read-only scratch buffer in a split.
local function open_scratch(title, text)
  vim.cmd("botright vnew")
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].buftype = "nofile"
  vim.bo[buf].bufhidden = "wipe"
  vim.bo[buf].swapfile = false
  pcall(vim.api.nvim_buf_set_name, buf, title)
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, vim.split(text, "\r?\n"))
  vim.bo[buf].modifiable = false
  vim.bo[buf].filetype = "markdown"
  return buf
end

--- :CopydeskQuotes — ask the server for the quote sheet of the current
--- buffer and open it in a scratch buffer. Calls done(err, buf) if given.
function M.quote_sheet(bufnr, done)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  local function finish(err, buf)
    if err then
      notify(err, vim.log.levels.WARN)
    end
    if done then
      done(err, buf)
    end
  end
  local client = M.client(bufnr)
  if not client then
    return finish("no copydesk server is attached to this buffer (is it a text or Markdown file?)")
  end
  local params = { command = "copydesk.quoteSheet", arguments = { vim.uri_from_bufnr(bufnr) } }
  request(client, "workspace/executeCommand", params, function(err, result)
    if err then
      return finish("no quote sheet: " .. (err.message or vim.inspect(err)))
    end
    if type(result) ~= "string" then
      return finish("the server sent no quote sheet for this buffer")
    end
    local name = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ":t")
    local buf = open_scratch("copydesk://quotes/" .. (name ~= "" and name or tostring(bufnr)), result)
    finish(nil, buf)
  end, bufnr)
end

--- Replace the `copydesk` settings of the running clients (and of clients
--- started later); the server pulls them again and re-checks open buffers.
function M.set_settings(copydesk_settings)
  M.config.settings = { copydesk = copydesk_settings or {} }
  if has_011 and not M.config.autocmd then
    vim.lsp.config(M.name, { settings = M.config.settings })
  end
  local get = vim.lsp.get_clients or vim.lsp.get_active_clients
  for _, client in ipairs(get({ name = M.name })) do
    client.settings = vim.deepcopy(M.config.settings)
    if client.config then
      client.config.settings = client.settings
    end
    local params = { settings = client.settings }
    if has_011 then
      client:notify("workspace/didChangeConfiguration", params)
    else
      client.notify("workspace/didChangeConfiguration", params)
    end
  end
end

--- :CopydeskRestart — stop the copydesk clients and start them again.
function M.restart()
  local get = vim.lsp.get_clients or vim.lsp.get_active_clients
  local bufs = {}
  for _, client in ipairs(get({ name = M.name })) do
    for buf in pairs(client.attached_buffers or {}) do
      table.insert(bufs, buf)
    end
    if has_011 then
      client:stop()
    else
      client.stop()
    end
  end
  vim.defer_fn(function()
    for _, buf in ipairs(bufs) do
      if vim.api.nvim_buf_is_valid(buf) then
        if has_011 and not M.config.autocmd then
          -- vim.lsp.enable re-attaches on the next FileType; trigger it.
          vim.api.nvim_exec_autocmds("FileType", { buffer = buf })
        else
          M.start(buf)
        end
      end
    end
  end, 500)
end

return M
