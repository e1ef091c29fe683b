#!/usr/bin/env bash
# Install Debian's neovim when nvim is missing: the language server's
# end-to-end test drives a real editor. As root, or through sudo when it
# needs no password; otherwise say what to run and fail.
set -euo pipefail
if command -v nvim >/dev/null 2>&1; then
  echo "nvim is installed: $(nvim --version | head -1)"
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "install-neovim: nvim is missing and this user cannot install packages; run: sudo apt-get install neovim" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-neovim: no apt-get here; install Neovim with this system's package manager" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends neovim >/dev/null
echo "installed $(nvim --version | head -1)"
