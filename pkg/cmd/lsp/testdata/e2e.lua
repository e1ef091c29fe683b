-- Drives `roadmap lsp` from a real Neovim (0.7 and later), headless:
-- opens a roadmap with known findings, waits for the diagnostics, applies
-- a quick fix, hovers, saves, and writes what it saw to $E2E_OUT.
-- The Go test (nvim_test.go) starts it and compares the output.
local out = {}
local function log(s) table.insert(out, s) end
local function finish(code)
  local f = assert(io.open(os.getenv("E2E_OUT"), "w"))
  f:write(table.concat(out, "\n") .. "\n")
  f:close()
  if code == 0 then vim.cmd("qall!") else vim.cmd("cquit " .. code) end
end

local ok, err = pcall(function()
  local file = os.getenv("E2E_FILE")
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  local id = vim.lsp.start_client({
    name = "roadmap",
    cmd = { os.getenv("E2E_SERVER"), "lsp", "--log", os.getenv("E2E_LOG") },
    root_dir = vim.fn.fnamemodify(file, ":h"),
  })
  assert(id, "the client did not start")
  vim.lsp.buf_attach_client(buf, id)
  local client
  assert(vim.wait(30000, function()
    client = vim.lsp.get_client_by_id(id)
    return client ~= nil and client.initialized
  end, 20), "the server did not initialize")

  local function diags()
    local ds = vim.diagnostic.get(buf)
    table.sort(ds, function(a, b)
      if a.lnum ~= b.lnum then return a.lnum < b.lnum end
      if a.col ~= b.col then return a.col < b.col end
      return tostring(a.code) < tostring(b.code)
    end)
    return ds
  end
  local function find(code)
    for _, d in ipairs(diags()) do
      if d.code == code then return d end
    end
  end
  assert(vim.wait(30000, function() return #diags() > 0 end, 20), "no diagnostics")
  for _, d in ipairs(diags()) do
    local line = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1] or ""
    local covered = d.lnum == d.end_lnum and string.sub(line, d.col + 1, d.end_col) or "…"
    log(string.format("diagnostic %d:%d %s severity %d: %q", d.lnum + 1, d.col + 1, d.code, d.severity, covered))
  end

  -- The quick fix for the cadence typo, as :lua vim.lsp.buf.code_action() asks.
  local cad = assert(find("RM013/cadence"), "no RM013")
  vim.api.nvim_win_set_cursor(0, { cad.lnum + 1, cad.col })
  local params = vim.lsp.util.make_range_params()
  params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics() }
  local res = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, 5000)
  local chosen
  for _, r in pairs(res or {}) do
    for _, a in ipairs(r.result or {}) do
      log("action " .. a.kind .. ": " .. a.title)
      if a.kind == "quickfix" and a.isPreferred and not chosen then chosen = a end
    end
  end
  assert(chosen, "no preferred quick fix")
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
  log("after the fix: " .. vim.api.nvim_buf_get_lines(buf, cad.lnum, cad.lnum + 1, false)[1])
  assert(vim.wait(30000, function() return find("RM013/cadence") == nil end, 20), "RM013 stayed after its fix")
  local left = {}
  for _, d in ipairs(diags()) do table.insert(left, d.code) end
  log("left: " .. table.concat(left, " "))

  -- Hover on the target level.
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  for i = #lines, 1, -1 do
    local c = string.find(lines[i], "  level: ", 1, true)
    if c == 1 then
      vim.api.nvim_win_set_cursor(0, { i, #"  level: " })
      break
    end
  end
  local hov = vim.lsp.buf_request_sync(buf, "textDocument/hover", vim.lsp.util.make_position_params(), 5000)
  for _, r in pairs(hov or {}) do
    if r.result then
      local first = vim.split(r.result.contents.value, "\n")[1]
      log("hover: " .. first)
    end
  end

  vim.cmd("write")
  vim.lsp.stop_client(id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(id) == nil end, 20)
  log("stopped")
end)
if not ok then
  log("error: " .. tostring(err))
  finish(1)
else
  finish(0)
end
