#!/usr/bin/env bash
# Times generating the UCSI 2024 annual program PDF, the official workbook and the open data
# (median of repeated runs, Release build). Usage: bench/exports.sh [runs, default 30]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project bench/PatUcsi.Bench -- "${1:-30}" "$PWD/seed-data"
