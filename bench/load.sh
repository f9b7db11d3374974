#!/usr/bin/env bash
# Load benchmark: each main page under wrk beside a bare endpoint of the same app in the same run
# (/bench/base: sign-in cookie, MVC, a 27-row query, one Razor table), printed as a share of it with
# p50/p90/p95/p99 and the app's memory. Builds in Release and starts the app on a fresh SQLite database
# seeded with UCSI 2024 (Production settings, demo users on).
#   bench/load.sh            UCSI 2024 only
#   bench/load.sh --escala   also 20 units × 10 years (60 objectives, 120 indicators, a year of approved
#                            progress each) made by bench/PatUcsi.Bench before the app starts
#   bench/load.sh --portal   the public portal, anonymous, at 200 connections (portal open, no rate limit):
#                            its program page, institute view and index beside the bare endpoint
# Environment: DURATION (default 15s), WARMUP (each page twice, 10s), CONNECTIONS (50; 200 with --portal), THREADS (2), PAT_BENCH_PORT (5098).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
mode=${1:-}
[ "$mode" = --portal ] && default_connections=200 || default_connections=50
duration=${DURATION:-15s}; warmup=${WARMUP:-10s}; connections=${CONNECTIONS:-$default_connections}; threads=${THREADS:-2}
port=${PAT_BENCH_PORT:-5098}; base="http://127.0.0.1:$port"
work=$(mktemp -d); pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT

dotnet publish src/PatUcsi.Web -c Release -o "$work/app" --nologo -v quiet >/dev/null
mkdir -p "$work/data"
if [ "$mode" = "--escala" ]; then
  dotnet run -c Release --project bench/PatUcsi.Bench -- generate "$work/data/pat.db" "$PWD/seed-data"
fi
ASPNETCORE_ENVIRONMENT=Production Database__DataFolder="$work/data" Logging__Folder="$work/logs" \
  DemoUsers__Enabled=true Bench__BareEndpoint=true Portal__Enabled=true Portal__RequestsPerMinute=1000000000 \
  dotnet "$work/app/PatUcsi.Web.dll" --urls "$base" >"$work/app.log" 2>&1 &
pid=$!
for _ in $(seq 1 300); do curl -sf "$base/health/ready" >/dev/null && break; sleep 0.2; done
curl -sf "$base/health/ready" >/dev/null || { cat "$work/app.log"; exit 1; }

cookie() { # user → the Cookie header of a signed-in session
  local jar="$work/$1.jar" token
  token=$(curl -sf -c "$jar" "$base/cuenta/entrar" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -sf -b "$jar" -c "$jar" -o /dev/null --data-urlencode "UserName=$1" --data-urlencode "Password=Demo.Pat2024" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/cuenta/entrar"
  awk '!/^#/ && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep = "; " } /^#HttpOnly_/ { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar"
}
# A session's cookie is checked against the user's security stamp once a minute and then renewed; wrk never keeps
# the renewed cookie, so each page is measured with a fresh sign-in (else every request after the first minute
# would re-check the user and re-issue the cookie, which a browser does once a minute).
session() { [ -n "$1" ] && cookie "$1" || true; }

rss() { awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$pid/status"; }
peak_rss=0
bare_rps=
run() { # label user path
  local status c
  c=$(session "$2")
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $c" "$base$3")
  [ "$status" = 200 ] || { echo "$1: GET $3 answered $status, not 200" >&2; exit 1; }
  local line
  line=$(wrk -t"$threads" -c"$connections" -d"$duration" -H "Cookie: $c" -s bench/wrk-report.lua "$base$3" | grep '^RESULT')
  read -r _ rps p50 p90 p95 p99 errors total <<<"$line"
  [ -z "$bare_rps" ] && bare_rps=$rps
  local now; now=$(rss); [ "$now" -gt "$peak_rss" ] && peak_rss=$now
  printf "| %-44s | %8.0f | %6.1f %% | %6.1f ms | %6.1f ms | %6.1f ms | %6.1f ms | %s |\n" \
    "$1" "$rps" "$(awk -v a="$rps" -v b="$bare_rps" 'BEGIN { print 100 * a / b }')" "$p50" "$p90" "$p95" "$p99" "$errors"
}

# Warm-up: every page under load before any is measured. The JIT recompiles hot code with profile data
# (tiered PGO) over the first half minute or so: measured at once, the first page ran at half its speed.
warm() { local c; c=$(session "$2"); curl -s -o /dev/null -H "Cookie: $c" "$base$3"; wrk -t"$threads" -c"$connections" -d"$warmup" -H "Cookie: $c" "$base$3" >/dev/null; }
pages() { # the function to call for each page: label user path
  "$1" "bare endpoint (/bench/base)" junta "/bench/base"
  if [ "$mode" = --portal ]; then # anonymous, as the public reads it (served from the output cache)
    "$1" "public program page (/publico/ucsi/2024)" "" "/publico/ucsi/2024"
    "$1" "public institute view (/publico/2024)" "" "/publico/2024"
    "$1" "public index (/publico)" "" "/publico"
    "$1" "/health" "" "/health"
    return
  fi
  "$1" "program page UCSI 2024 (/programas/1)" junta "/programas/1?fecha=2024-06-15"
  "$1" "period page, May (/programas/1/avance/5)" titular.ucsi "/programas/1/avance/5"
  "$1" "unit home (titular)" titular.ucsi "/"
  "$1" "Junta home (every unit of the year)" junta "/"
  "$1" "seguimiento UCSI 2024 (/programas/1/seguimiento)" titular.ucsi "/programas/1/seguimiento"
  "$1" "institute view (/institucional)" junta "/institucional?anio=2024"
  if [ "$scale" = 1 ]; then
    "$1" "Junta home, 2033 (20 units)" junta "/?anio=2033"
    "$1" "institute view, 2033 (20 units)" junta "/institucional?anio=2033"
    "$1" "large program (120 indicators, /programas/$large)" junta "/programas/$large"
  fi
  "$1" "/health" "" "/health"
}
scale=0; large=
if [ "$mode" = "--escala" ]; then
  scale=1
  large=$(curl -s -H "Cookie: $(cookie junta)" "$base/?anio=2033" | grep -o 'href="/programas/[0-9]*"' | head -1 | grep -o '[0-9]*')
fi
for _ in 1 2; do pages warm; done

echo "PAT UCSI load benchmark: $(nproc) cores, wrk -t$threads -c$connections -d$duration, Release, SQLite, signed in ($(date -u +%Y-%m-%d))"
echo
echo "| page | req/s | share of bare | p50 | p90 | p95 | p99 | errors |"
echo "|---|---|---|---|---|---|---|---|"
pages run
echo
echo "App memory: RSS after the load $(rss) MB (highest seen between runs $peak_rss MB, peak $(awk '/VmHWM/ { print int($2 / 1024) }' /proc/$pid/status) MB)"
