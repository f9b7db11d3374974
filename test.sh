#!/usr/bin/env bash
# Runs every test as CI does: on a real PostgreSQL server, a real Chromium, nginx with TLS in front of the app,
# poppler's PDF tools, LibreOffice Calc and an SMTP server (aiosmtpd), all from Debian's packages. What is missing is installed (as root) or reported; PostgreSQL is started in a throwaway
# cluster unless PAT_TEST_POSTGRES already names a server. Ends with "N passed, N failed, N skipped"
# and fails when any test failed or was skipped, or when no test ran.
set -euo pipefail
cd "$(dirname "$0")"

need=()
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
[ -z "${PAT_TEST_POSTGRES:-}" ] && [ -z "$pg_bin" ] && need+=(postgresql)
command -v chromium >/dev/null || need+=(chromium)
[ -x /usr/sbin/nginx ] || need+=(nginx)
command -v openssl >/dev/null || need+=(openssl)
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v soffice >/dev/null || need+=(libreoffice-calc-nogui)
command -v java >/dev/null || need+=(default-jre-headless)
[ -x /usr/bin/aiosmtpd ] || need+=(python3-aiosmtpd)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing ${need[*]}…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  else
    echo "Missing: ${need[*]}. Install them (sudo apt-get install ${need[*]}) and run again." >&2
    exit 1
  fi
fi

if [ -z "${PAT_TEST_POSTGRES:-}" ]; then
  pg_dir=$(mktemp -d /tmp/pat-pg.XXXXXX)
  port=${PAT_TEST_PG_PORT:-55432}
  as_pg=()
  if [ "$(id -u)" = 0 ]; then chown postgres "$pg_dir"; as_pg=(runuser -u postgres --); fi
  "${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
    -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
  trap '"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1; rm -rf "$pg_dir"' EXIT
  export PAT_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres"
fi
export PAT_CHROMIUM=${PAT_CHROMIUM:-$(command -v chromium)}
export PAT_NGINX=${PAT_NGINX:-/usr/sbin/nginx}

log=$(mktemp)
rm -f artifacts/durabilidad.txt
set +e
dotnet test PatUcsi.sln "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
sum() { grep -oE "$1: +[0-9]+" "$log" | awk '{s += $2} END {print s + 0}'; }
passed=$(sum Passed); failed=$(sum Failed); skipped=$(sum Skipped)
rm -f "$log"
if [ -f artifacts/durabilidad.txt ]; then echo; echo "Concurrency, backups and crashes:"; cat artifacts/durabilidad.txt; fi
echo
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then exit 1; fi
if [ "$skipped" -ne 0 ]; then echo "Skipped tests prove nothing: every test must run." >&2; exit 1; fi
if [ "$passed" -eq 0 ]; then echo "No test ran." >&2; exit 1; fi
