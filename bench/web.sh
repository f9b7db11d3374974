#!/usr/bin/env bash
# Measures the app over real HTTP on loopback: builds it in Release, starts it on a fresh SQLite
# database seeded with UCSI 2024, then times repeated GETs of the program page (the whole document
# with every indicator computed) and of /health. Prints the median and the 95th percentile.
# Usage: bench/web.sh [requests per URL, default 200]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200}
port=${PAT_BENCH_PORT:-5099}
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet publish src/PatUcsi.Web -c Release -o "$work/app" --nologo -v quiet >/dev/null
Database__DataFolder="$work/data" Logging__Folder="$work/logs" \
  dotnet "$work/app/PatUcsi.Web.dll" --urls "http://127.0.0.1:$port" >"$work/app.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.2; done

measure() { # url label
  for _ in $(seq 1 20); do curl -sf -o /dev/null "$1"; done # warm-up
  for _ in $(seq 1 "$n"); do curl -sf -o /dev/null -w '%{time_total}\n' "$1"; done | sort -n |
    awk -v label="$2" '{ t[NR] = $1 * 1000 } END { printf "%-40s median %7.2f ms   p95 %7.2f ms   (%d requests)\n", label, t[int((NR + 1) / 2)], t[int(NR * 0.95)], NR }'
}
echo "PAT UCSI web benchmark ($(nproc) cores, $(date -u +%Y-%m-%d))"
measure "http://127.0.0.1:$port/programas/1?fecha=2024-06-15" "GET /programas/1 (UCSI 2024, 24 indicators)"
measure "http://127.0.0.1:$port/health" "GET /health"
