#!/bin/sh
# A real external WebSocket peer (Node + Debian's node-ws) against
# tickscope-server. Usage: node-peer.sh TICKSCOPE_SERVER NODE_PEER_JS
# Exit 77 (skip) when node or the ws module is missing.
server="$1"
script="$2"
NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"
export NODE_PATH

node=$(command -v node || command -v nodejs) || { echo "node not found: skip"; exit 77; }
"$node" -e 'require("ws")' 2>/dev/null || { echo "node module ws not found (NODE_PATH=$NODE_PATH): skip"; exit 77; }

exec "$node" "$script" "$server"
