#!/bin/sh
# Runs the compiled server with plain `node`: what `npm start`, `npm run demo`
# and `npm run start:production` run, and what a service manager should run
# (systemd: ExecStart=/path/to/anlaufstelle/server/start.sh). Arguments go
# to the server (`--demo`). The memory settings were measured with
# `npm run bench` (docs/decisions/0013-compiled-server.md):
# - glibc malloc keeps at most two arenas and maps blocks of 128 KiB and more
#   on their own, so that what a burst frees (Argon2's 64 MiB per hash,
#   compiler scratch space) goes back to the system instead of staying in
#   one arena per thread;
# - V8 lets the old generation grow to 1.5 times what survived its last full
#   collection before the next one (by default up to 4 times).
# Each malloc setting already in the environment is kept.
set -e
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-131072}"
root="$(cd "$(dirname "$0")/.." && pwd)"
exec node --heap-growing-percent=50 "$root/build/server-runtime/index.js" "$@"
