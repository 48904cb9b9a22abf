#!/bin/sh
# examples/openresty/run.sh [start|stop]: the shipped nginx.conf, listening
# on $SAPO_LISTEN (default 127.0.0.1:8080) without editing the file, from
# any working folder.  The configuration nginx runs is written to
# logs/nginx.run.conf (nginx.conf with its listen line replaced).
#
#   SAPO_LISTEN=127.0.0.1:9090 sh examples/openresty/run.sh
#   sh examples/openresty/run.sh stop
set -eu
here=$(cd "$(dirname "$0")" && pwd)
listen=${SAPO_LISTEN:-127.0.0.1:8080}
case $listen in
  *[!0-9A-Za-z.:\[\]]*|'') echo "run.sh: SAPO_LISTEN must be ADDRESS:PORT or PORT, got '$listen'" >&2; exit 2 ;;
esac
case ${1:-start} in
  start)
    mkdir -p "$here/logs"
    sed "s|listen 127\.0\.0\.1:8080;|listen $listen;|" "$here/nginx.conf" > "$here/logs/nginx.run.conf"
    grep -q "listen $listen;" "$here/logs/nginx.run.conf" || { echo "run.sh: nginx.conf has no listen line to replace" >&2; exit 1; }
    exec nginx -p "$here" -c logs/nginx.run.conf ;;
  stop)
    kill "$(cat "$here/logs/nginx.pid")" ;;
  *)
    echo "usage: [SAPO_LISTEN=ADDRESS:PORT] $0 [start|stop]" >&2; exit 2 ;;
esac
