-- Headless Neovim test of the copydesk plugin against the real server.
--
--   COPYDESK_REPO=/path/to/repo COPYDESK_BIN=/path/to/copydesk \
--     nvim --headless --clean -u tests/editors/nvim/init.lua article.txt
--
-- Exits 0 when every check passed, and non-zero (cquit) printing why otherwise.

local repo = assert(os.getenv("COPYDESK_REPO"), "COPYDESK_REPO is not set")
local bin = assert(os.getenv("COPYDESK_BIN"), "COPYDESK_BIN is not set")
local TIMEOUT = tonumber(os.getenv("COPYDESK_NVIM_TIMEOUT_MS") or "") or 15000

vim.opt.runtimepath:prepend(repo .. "/editors/nvim")
vim.opt.swapfile = false
vim.opt.shadafile = "NONE"
vim.cmd("runtime! plugin/copydesk.lua")

local copydesk = require("copydesk")

local function log(fmt, ...)
  io.stderr:write(("[nvim] " .. fmt .. "\n"):format(...))
end

-- Messages the plugin shows the user, captured so the test can check them.
local notifications = {}
vim.notify = function(msg, level)
  table.insert(notifications, msg)
  log("notify(%s): %s", tostring(level), msg)
end

local failed = false
local function fail(fmt, ...)
  error({ copydesk_failure = (fmt):format(...) }, 0)
end

local function check(cond, fmt, ...)
  if not cond then
    fail(fmt, ...)
  end
end

-- Copydesk diagnostics of a buffer, sorted by position.
local function diags(buf)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.source == "copydesk" then
      table.insert(out, d)
    end
  end
  table.sort(out, function(a, b)
    return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
  end)
  return out
end

local function describe(list)
  local parts = {}
  for _, d in ipairs(list) do
    table.insert(parts, ("  %d:%d %s %s"):format(d.lnum + 1, d.col + 1, tostring(d.code), d.message))
  end
  return #parts > 0 and table.concat(parts, "\n") or "  (none)"
end

local function find_line(buf, needle)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if line:find(needle, 1, true) then
      return i - 1, line
    end
  end
  return nil
end

local function with_code(list, code, lnum)
  local out = {}
  for _, d in ipairs(list) do
    if d.code == code and (lnum == nil or d.lnum == lnum) then
      table.insert(out, d)
    end
  end
  return out
end

-- Wait until pred(diags) is true; fail with what was seen otherwise.
local function wait_diags(buf, what, pred)
  local ok = vim.wait(TIMEOUT, function()
    return pred(diags(buf))
  end, 50)
  check(ok, "timed out waiting for %s; copydesk diagnostics now:\n%s", what, describe(diags(buf)))
  log("ok: %s", what)
end

-- ContentModified (-32801) is an answer the protocol lets a server give
-- when the text or the settings changed under a request (the settings
-- pulled at start can land just after the first diagnostics); an editor
-- asks again, and so does this, a few times.
local CONTENT_MODIFIED = -32801

local function request(buf, method, params)
  for attempt = 1, 5 do
    local responses, err = vim.lsp.buf_request_sync(buf, method, params, TIMEOUT)
    check(responses ~= nil, "%s: no response (%s)", method, tostring(err))
    for _, r in pairs(responses) do
      if r.err ~= nil and r.err.code == CONTENT_MODIFIED and attempt < 5 then
        log("%s: content modified, asking again", method)
        vim.wait(200)
        break
      end
      check(r.err == nil, "%s: error %s", method, vim.inspect(r.err))
      return r.result
    end
  end
  fail("%s: no client answered", method)
end

local function run()
  local buf = vim.api.nvim_get_current_buf()
  local name = vim.api.nvim_buf_get_name(buf)
  check(name ~= "", "no article was opened (pass one as an argument)")
  check(vim.bo[buf].filetype == "text" or vim.bo[buf].filetype == "markdown",
    "unexpected filetype %q for %s", vim.bo[buf].filetype, name)
  log("article %s (filetype %s)", name, vim.bo[buf].filetype)

  -- 1. The plugin starts the server for the buffer.
  local attached = vim.wait(TIMEOUT, function()
    return copydesk.client(buf) ~= nil and copydesk.client(buf).initialized
  end, 50)
  check(attached, "the copydesk client did not attach to the buffer")
  local client = copydesk.client(buf)
  log("ok: client attached (offset encoding %s)", client.offset_encoding)
  local uri = vim.uri_from_bufnr(buf)

  -- 2. Diagnostics on the expected lines.
  local follow_l = find_line(buf, "Follow me on Twitter")
  local readmore_l = find_line(buf, "READ MORE:")
  local tk_l, tk_line = find_line(buf, " TK,")
  check(follow_l and readmore_l and tk_l, "the article lacks the Follow / READ MORE / TK lines")
  wait_diags(buf, "boilerplate on the Follow line, READ MORE line and a placeholder at TK", function(list)
    return #with_code(list, "boilerplate", follow_l) == 1
      and #with_code(list, "boilerplate", readmore_l) == 1
      and #with_code(list, "placeholder", tk_l) >= 1
  end)
  local all = diags(buf)
  local placeholder = with_code(all, "placeholder", tk_l)[1]
  local tk_col = tk_line:find("TK", 1, true) - 1
  check(placeholder.col == tk_col and placeholder.end_col == tk_col + 2,
    "placeholder diagnostic at bytes %d-%d, expected %d-%d (position encoding?)",
    placeholder.col, placeholder.end_col, tk_col, tk_col + 2)
  -- Nothing flagged on ordinary reporting lines.
  local clean_l = find_line(buf, "carries about 14,000 vehicles")
  check(#vim.tbl_filter(function(d)
    return d.lnum == clean_l and (d.code == "boilerplate" or d.code == "placeholder")
  end, all) == 0, "ordinary copy was flagged:\n%s", describe(all))
  log("copydesk diagnostics:\n%s", describe(all))

  -- 3. Hover over the boilerplate finding.
  local hover = request(buf, "textDocument/hover", {
    textDocument = { uri = uri },
    position = { line = follow_l, character = 3 },
  })
  check(type(hover) == "table" and hover.contents ~= nil, "no hover over the Follow line")
  local text = type(hover.contents) == "table" and (hover.contents.value or hover.contents[1]) or hover.contents
  if type(text) == "table" then
    text = text.value
  end
  check(type(text) == "string" and vim.startswith(text, "**copydesk** · boilerplate"),
    "hover text does not start with the copydesk header: %s", vim.inspect(text))
  local follow_diag = with_code(diags(buf), "boilerplate", follow_l)[1]
  check(text:find(follow_diag.message, 1, true) ~= nil,
    "hover does not carry the diagnostic's message %q: %s", follow_diag.message, text)
  log("ok: hover %q", (text:gsub("\n", " ")))

  -- 4. Quick fix: remove the Follow line.
  local lsp_diag = follow_diag.user_data and follow_diag.user_data.lsp
  check(lsp_diag ~= nil, "diagnostic carries no LSP payload")
  local actions = request(buf, "textDocument/codeAction", {
    textDocument = { uri = uri },
    range = lsp_diag.range,
    context = { diagnostics = { lsp_diag }, only = { "quickfix" } },
  }) or {}
  local titles = vim.tbl_map(function(a) return a.title end, actions)
  local fix, fix_all
  for _, a in ipairs(actions) do
    if vim.startswith(a.title, "Remove this boilerplate line") then
      fix = a
    elseif vim.startswith(a.title, "Remove all boilerplate") then
      fix_all = a
    end
  end
  check(fix ~= nil, "no 'Remove this boilerplate line' action; got %s", vim.inspect(titles))
  check(fix.kind == "quickfix", "quick fix has kind %s", tostring(fix.kind))
  check(fix_all ~= nil, "no 'Remove all boilerplate' action; got %s", vim.inspect(titles))
  if fix.edit == nil and client.server_capabilities.codeActionProvider
    and type(client.server_capabilities.codeActionProvider) == "table"
    and client.server_capabilities.codeActionProvider.resolveProvider then
    fix = request(buf, "codeAction/resolve", fix)
  end
  check(fix.edit ~= nil, "the quick fix carries no WorkspaceEdit")
  local before = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
  local after = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  check(find_line(buf, "Follow me on Twitter") == nil, "the Follow line is still there after the fix")
  check(#after < #before and #after >= #before - 2,
    "the fix removed %d lines, expected the Follow line (and at most one blank line)", #before - #after)
  -- Every other line survives, in order.
  local j = 1
  for _, line in ipairs(before) do
    if not line:find("Follow me on Twitter", 1, true) then
      if after[j] == line then
        j = j + 1
      elseif line ~= "" then
        fail("the fix changed or removed %q", line)
      end
    end
  end
  check(j == #after + 1, "the buffer after the fix has unexpected lines")
  log("ok: quick fix removed the Follow line (%d -> %d lines)", #before, #after)
  wait_diags(buf, "diagnostics to follow the fix", function(list)
    local n = 0
    for _, d in ipairs(with_code(list, "boilerplate")) do
      n = n + 1
      if d.lnum ~= find_line(buf, "READ MORE:") then
        return false
      end
    end
    return n == 1
  end)

  -- 5. Typing: a new furniture line is flagged, a filled-in placeholder is cleared.
  local anchor = find_line(buf, "The bridge, which carries")
  vim.api.nvim_win_set_cursor(0, { anchor + 1, 0 })
  vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes("o<CR>Follow us on Facebook for more local news<Esc>", true, false, true), "x", false)
  local fb_l = find_line(buf, "Follow us on Facebook")
  check(fb_l ~= nil, "typing did not insert the line")
  wait_diags(buf, "a boilerplate diagnostic on the typed Facebook line", function(list)
    return #with_code(list, "boilerplate", fb_l) == 1
  end)
  tk_l, tk_line = find_line(buf, " TK,")
  local col = tk_line:find("TK", 1, true)
  vim.api.nvim_win_set_cursor(0, { tk_l + 1, col - 1 })
  vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes("ct,£4.6m<Esc>", true, false, true), "x", false)
  check(find_line(buf, "is now £4.6m,") ~= nil, "typing did not replace TK")
  wait_diags(buf, "the placeholder diagnostic to go once TK is filled in", function(list)
    return #with_code(list, "placeholder") == 0 and #with_code(list, "boilerplate", fb_l) == 1
  end)

  -- 6. Settings: switching the rule off re-checks without a restart.
  copydesk.set_settings({ rules = { boilerplate = { enabled = false } } })
  wait_diags(buf, "boilerplate findings to go when the rule is switched off", function(list)
    return #with_code(list, "boilerplate") == 0
  end)
  copydesk.set_settings({
    rules = { boilerplate = { severity = "error" } },
    placeholder = { patterns = { "\\bFIXME\\b" } },
  })
  wait_diags(buf, "boilerplate findings back as errors", function(list)
    local b = with_code(list, "boilerplate", fb_l)
    return #b == 1 and b[1].severity == vim.diagnostic.severity.ERROR
  end)
  vim.api.nvim_buf_set_lines(buf, -1, -1, false, { "", "Council figures FIXME before publication." })
  local fixme_l = find_line(buf, "FIXME before")
  wait_diags(buf, "a custom placeholder pattern from the settings", function(list)
    return #with_code(list, "placeholder", fixme_l) == 1
  end)

  -- 7. A Markdown article in the same session gets its own findings.
  local md = vim.fn.fnamemodify(name, ":h") .. "/wire-update.md"
  vim.cmd("edit " .. vim.fn.fnameescape(md))
  local mdbuf = vim.api.nvim_get_current_buf()
  check(vim.bo[mdbuf].filetype == "markdown", "filetype %q for the .md article", vim.bo[mdbuf].filetype)
  local check_l = find_line(mdbuf, "[CHECK]")
  local fb_md = find_line(mdbuf, "Follow us on Facebook")
  wait_diags(mdbuf, "findings in the Markdown article ([CHECK], the Facebook line)", function(list)
    return #with_code(list, "placeholder", check_l) == 1 and #with_code(list, "boilerplate", fb_md) == 1
  end)
  check(#with_code(diags(mdbuf), "boilerplate", 0) == 0, "the Markdown heading was taken for furniture")

  -- 7b. "Ignore this finding here" on [CHECK]: one edit puts the ignore
  -- comment above its paragraph, and the finding goes (nothing is unused).
  local check_diag = with_code(diags(mdbuf), "placeholder", check_l)[1]
  local md_uri = vim.uri_from_bufnr(mdbuf)
  local md_actions = request(mdbuf, "textDocument/codeAction", {
    textDocument = { uri = md_uri },
    range = check_diag.user_data.lsp.range,
    context = { diagnostics = { check_diag.user_data.lsp }, only = { "quickfix" } },
  }) or {}
  local ignore_here
  for _, a in ipairs(md_actions) do
    if vim.startswith(a.title, "Ignore this finding here") then
      ignore_here = a
    end
  end
  check(ignore_here ~= nil, "no 'Ignore this finding here' action; got %s",
    vim.inspect(vim.tbl_map(function(a) return a.title end, md_actions)))
  vim.lsp.util.apply_workspace_edit(ignore_here.edit, client.offset_encoding)
  local comment_l = find_line(mdbuf, "<!-- copydesk-ignore placeholder -->")
  check(comment_l ~= nil and comment_l + 2 == find_line(mdbuf, "[CHECK]"),
    "the ignore comment is not on its own line above the paragraph:\n%s",
    table.concat(vim.api.nvim_buf_get_lines(mdbuf, 0, -1, false), "\n"))
  wait_diags(mdbuf, "the [CHECK] finding to go under its ignore comment", function(list)
    return #with_code(list, "placeholder") == 0 and #with_code(list, "unused-ignore") == 0
      and #with_code(list, "boilerplate", find_line(mdbuf, "Follow us on Facebook")) == 1
  end)

  -- 7c. An ignore comment typed above the Facebook line silences it.
  fb_md = find_line(mdbuf, "Follow us on Facebook")
  vim.api.nvim_win_set_cursor(0, { fb_md + 1, 0 })
  vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes("O<!-- copydesk-ignore boilerplate --><Esc>", true, false, true), "x", false)
  check(find_line(mdbuf, "<!-- copydesk-ignore boilerplate -->") == fb_md, "typing did not insert the comment")
  wait_diags(mdbuf, "the Facebook line's finding to go under a typed ignore comment", function(list)
    return #with_code(list, "boilerplate") == 0 and #with_code(list, "unused-ignore") == 0
  end)

  -- 7d. The other ignore forms, typed: a disable … enable region around the
  -- Facebook line, then one ignore for the whole file. Each time the
  -- finding comes back when its comment goes.
  local function delete_line(needle)
    local l = find_line(mdbuf, needle)
    check(l ~= nil, "no line %q to delete", needle)
    vim.api.nvim_buf_set_lines(mdbuf, l, l + 1, false, {})
  end
  local function facebook_back(why)
    wait_diags(mdbuf, why, function(list)
      return #with_code(list, "boilerplate", find_line(mdbuf, "Follow us on Facebook")) == 1
    end)
  end
  local function silenced(why)
    wait_diags(mdbuf, why, function(list)
      return #with_code(list, "boilerplate") == 0 and #with_code(list, "unused-ignore") == 0
    end)
  end
  delete_line("<!-- copydesk-ignore boilerplate -->")
  facebook_back("the Facebook line's finding to come back when its ignore comment goes")
  fb_md = find_line(mdbuf, "Follow us on Facebook")
  vim.api.nvim_win_set_cursor(0, { fb_md + 1, 0 })
  vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes("o<!-- copydesk-enable --><Esc>", true, false, true), "x", false)
  vim.api.nvim_win_set_cursor(0, { fb_md + 1, 0 })
  vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes("O<!-- copydesk-disable boilerplate --><Esc>", true, false, true), "x", false)
  silenced("the Facebook line's finding to go inside a typed disable … enable region")
  delete_line("<!-- copydesk-disable boilerplate -->")
  delete_line("<!-- copydesk-enable -->")
  facebook_back("the Facebook line's finding to come back when the region goes")
  local last = vim.api.nvim_buf_line_count(mdbuf)
  vim.api.nvim_win_set_cursor(0, { last, 0 })
  vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes("o<CR><!-- copydesk-ignore-file boilerplate --><Esc>", true, false, true), "x", false)
  silenced("the Facebook line's finding to go under an ignore for the whole file")
  vim.cmd("buffer " .. buf)

  -- 8. :CopydeskQuotes opens a scratch buffer, or reports the server's refusal.
  local done, qerr, qbuf = false, nil, nil
  copydesk.quote_sheet(buf, function(err, b)
    done, qerr, qbuf = true, err, b
  end)
  check(vim.wait(TIMEOUT, function() return done end, 50), ":CopydeskQuotes got no answer")
  if qerr then
    check(vim.wait(2000, function()
      return #vim.tbl_filter(function(m) return m:find("quote sheet", 1, true) ~= nil end, notifications) > 0
    end, 20), "the quote sheet error was not shown to the user")
    log("note: quote sheet not available from this server (%s); the user was told", qerr)
  else
    check(vim.bo[qbuf].buftype == "nofile" and vim.bo[qbuf].filetype == "markdown",
      "quote sheet buffer is not a Markdown scratch buffer")
    local lines = vim.api.nvim_buf_get_lines(qbuf, 0, -1, false)
    check(#lines > 0 and table.concat(lines, "\n"):find("%S") ~= nil, "quote sheet is empty")
    log("ok: quote sheet opened (%d lines): %s", #lines, lines[1])
  end

  -- 9. Quotes against their sources: school-board.md takes the meeting
  -- transcript from the folder beside it (school-board.sources/). The
  -- altered quote is flagged and the faithful ones pass silently; hover on
  -- a faithful one shows the passage and where it is; go to definition
  -- (what `gd` or <C-]> runs) opens the transcript at that passage.
  local sb = vim.fn.fnamemodify(name, ":h") .. "/school-board.md"
  vim.cmd("edit " .. vim.fn.fnameescape(sb))
  local sbbuf = vim.api.nvim_get_current_buf()
  local south_l = find_line(sbbuf, "in the south end")
  check(south_l ~= nil, "school-board.md lacks the south-end quote")
  wait_diags(sbbuf, "quote-altered on the south-end quote (the transcript says north)", function(list)
    local altered = with_code(list, "quote-altered", south_l)
    return #altered == 1 and altered[1].message:find("board-meeting.txt", 1, true) ~= nil
  end)
  local source_codes = vim.tbl_filter(function(d)
    return d.code ~= nil and vim.startswith(d.code, "quote-") and d.lnum ~= south_l
  end, diags(sbbuf))
  check(#source_codes == 0, "faithful quotes were flagged:\n%s", describe(source_codes))
  local pledge_l, pledge_line = find_line(sbbuf, "No school in this district")
  -- The cursor on "district" (a byte column; the curly mark before it is
  -- three bytes, one UTF-16 unit: the client converts).
  vim.api.nvim_win_set_cursor(0, { pledge_l + 1, pledge_line:find("district", 1, true) - 1 })
  local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
  local shover = request(sbbuf, "textDocument/hover", params)
  local stext = shover and shover.contents and (shover.contents.value or shover.contents) or ""
  check(type(stext) == "string" and stext:find("**Source:**", 1, true) ~= nil
    and stext:find("board-meeting.txt", 1, true) ~= nil and stext:find("line 4", 1, true) ~= nil
    and stext:find("00:04:12", 1, true) ~= nil and stext:find("faithful", 1, true) ~= nil,
    "the quote's hover does not show its source passage (board-meeting.txt line 4, 00:04:12, faithful): %s",
    vim.inspect(stext))
  check(stext:find("No school in this district will close next year", 1, true) ~= nil,
    "the hover does not quote the transcript's words: %s", stext)
  -- The speaker card above it: ‘she’ is the board president, named on
  -- the line before the quote's paragraph.
  check(stext:find("**Speaker: Rosalind Abernathy**", 1, true) ~= nil
    and stext:find("named in line " .. (find_line(sbbuf, "Board President Rosalind Abernathy") + 1), 1, true) ~= nil,
    "the hover does not name the speaker and the line she is named on: %s", stext)
  log("ok: hover on the quote shows its source: %q", (stext:gsub("\n", " ")):sub(1, 160))
  vim.lsp.buf.definition()
  local jumped = vim.wait(TIMEOUT, function()
    return vim.api.nvim_buf_get_name(0):find("board-meeting.txt", 1, true) ~= nil
  end, 50)
  check(jumped, "go to definition did not open the transcript (now in %s)", vim.api.nvim_buf_get_name(0))
  local cur = vim.api.nvim_win_get_cursor(0)
  local at_line = vim.api.nvim_get_current_line()
  check(cur[1] == 4, "go to definition put the cursor on line %d of the transcript, expected 4: %q", cur[1], at_line)
  check(at_line:sub(cur[2] + 1):find("^No school in this district") ~= nil,
    "the cursor is not at the quoted words: %q (column %d)", at_line, cur[2])
  log("ok: go to definition opened %s at line %d, on the quoted words",
    vim.fn.fnamemodify(vim.api.nvim_buf_get_name(0), ":t"), cur[1])
end

local function finish()
  local ok, err = xpcall(run, function(e)
    if type(e) == "table" and e.copydesk_failure then
      return e.copydesk_failure
    end
    return debug.traceback(tostring(e), 2)
  end)
  if ok then
    log("all checks passed")
    vim.cmd("qall!")
  else
    failed = true
    log("FAILED: %s", err)
    vim.cmd("cquit 1")
  end
end

vim.api.nvim_create_autocmd("VimEnter", {
  once = true,
  callback = function()
    vim.schedule(finish)
  end,
})

-- A hard stop should anything hang outside vim.wait.
vim.defer_fn(function()
  if not failed then
    log("FAILED: the test did not finish within %d ms", TIMEOUT * 12)
    vim.cmd("cquit 2")
  end
end, TIMEOUT * 12)

-- A server that cannot be found is reported with the fix, and nothing starts.
copydesk.setup({ cmd = { "/nonexistent/copydesk", "lsp" } })
vim.wait(1000, function() return #notifications > 0 end, 10)
local missing_msg = notifications[1] or ""
if not (missing_msg:find("/nonexistent/copydesk", 1, true) and missing_msg:find("cmd = {", 1, true)) then
  log("FAILED: no clear message for a missing server (got %q)", missing_msg)
  vim.cmd("cquit 1")
end
log("ok: a missing server is reported: %s", missing_msg)

local autocmd = os.getenv("COPYDESK_NVIM_AUTOCMD") == "1"
log("starting the client %s", autocmd and "from a FileType autocmd with vim.lsp.start (the 0.8-0.10 path)"
  or "with vim.lsp.config/vim.lsp.enable")
copydesk.setup({
  cmd = { bin, "lsp" },
  settings = { copydesk = {} },
  autocmd = autocmd,
})
