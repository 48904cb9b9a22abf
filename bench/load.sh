#!/bin/sh
# bench/load.sh: load check of the nginx service (not a test).  Starts nginx
# from this tree on 127.0.0.1 with 1 and then 2 workers, POSTs a typical page
# with wrk for a bounded time, and reports requests/s, latency percentiles,
# and the workers' RSS before and after the run (>= 10,000 requests).
#   make bench-load        (needs nginx + libnginx-mod-http-lua, wrk)
set -eu
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PAGE=${PAGE:-examples/pages/baoquocte-like.html}
DURATION=${DURATION:-15}
command -v wrk >/dev/null || { echo "bench/load.sh: wrk is not installed (apt-get install wrk)"; exit 1; }
tmp=$(mktemp -d)
trap 'kill $(cat "$tmp/logs/nginx.pid" 2>/dev/null) 2>/dev/null || true; rm -rf "$tmp"' EXIT
mkdir -p "$tmp/logs"
cat > "$tmp/post.lua" <<LUA
local f = io.open("$ROOT/$PAGE", "rb")
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "text/html; charset=utf-8"
LUA
port=$(lua5.4 -e 'local s=require("socket").bind("127.0.0.1",0); local _,p=s:getsockname(); s:close(); print(p)')
rss() { ps -o rss= --ppid "$(cat "$tmp/logs/nginx.pid")" | awk '{s+=$1; n++} END {printf "%.1f MB in %d workers", s/1024, n}'; }
for workers in 1 2; do
  sed -e "s#ROOT#$ROOT#g" -e "s#PORT#$port#g" -e "s#WORKERS#$workers#g" > "$tmp/nginx.conf" <<'CONF'
load_module /usr/lib/nginx/modules/ndk_http_module.so;
load_module /usr/lib/nginx/modules/ngx_http_lua_module.so;
worker_processes WORKERS;
pid logs/nginx.pid;
error_log logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  lua_package_path "ROOT/lua/?.lua;ROOT/lua/?/init.lua;;";
  lua_package_cpath "ROOT/build/luajit/?.so;;";
  client_max_body_size 16m;
  client_body_buffer_size 16m;
  init_by_lua_block { require "sapo"; require "sapo.http" }
  server {
    listen 127.0.0.1:PORT;
    location / { content_by_lua_block { require("sapo.http").serve({ max_body = 8388608 }) } }
  }
}
CONF
  nginx -p "$tmp" -c nginx.conf
  sleep 0.5
  # warm up, then measure
  wrk -t2 -c8 -d2s -s "$tmp/post.lua" "http://127.0.0.1:$port/extract?format=text" >/dev/null
  before=$(rss)
  echo "== $workers worker(s), $(wc -c < "$PAGE") byte page, wrk -t2 -c16 -d${DURATION}s"
  wrk -t2 -c16 -d"${DURATION}s" --latency -s "$tmp/post.lua" "http://127.0.0.1:$port/extract?format=text" |
    grep -E "Requests/sec|requests in|50%|75%|90%|99%|Non-2xx|Socket errors"
  echo "worker RSS before: $before; after: $(rss)"
  kill "$(cat "$tmp/logs/nginx.pid")"
  sleep 0.5
done
