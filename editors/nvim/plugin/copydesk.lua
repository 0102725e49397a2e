-- copydesk: user commands. Nothing starts until require("copydesk").setup().
if vim.g.loaded_copydesk then
  return
end
vim.g.loaded_copydesk = true

vim.api.nvim_create_user_command("CopydeskQuotes", function()
  require("copydesk").quote_sheet()
end, { desc = "copydesk: open the quote sheet of the current article" })

vim.api.nvim_create_user_command("CopydeskRestart", function()
  require("copydesk").restart()
end, { desc = "copydesk: restart the language server" })
