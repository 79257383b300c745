#!/usr/bin/env bash
# The compute market from the shell, as low-level contract calls: the market's
# own functions through `obelisk call` on a local dev chain (one seat, one
# worker, a file sealed with a shared passphrase), to show what the contract
# does step by step. The keyed flow users run (`obelisk job post`, `obelisk
# worker`: X25519 keys instead of passphrases, nodes over JSON-RPC) is the
# tour's: bash examples/tour.sh, and docs/compute.md.
#
#   bash examples/market.sh            # a fresh chain in a temporary directory
#   OBELISK_DATADIR=DIR bash examples/market.sh
#
# Exits non-zero at the first command that fails (set -e; obelisk exits 1 on a
# revert and 2 on bad input).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v obelisk > /dev/null; then   # not installed on PATH: use (or make) .venv
    . tests/ensure_venv.sh
    export PATH="$PWD/.venv/bin:$PATH"
fi
if [ -z "${OBELISK_DATADIR:-}" ]; then
    OBELISK_DATADIR=$(mktemp -d)
    trap 'rm -rf "$OBELISK_DATADIR"' EXIT
fi
export OBELISK_DATADIR
WORKER=0x481de3392a3c1b51aaa5cacbaf4340f9631a2584   # dev account 1

step() { printf '\n## %s\n' "$*"; }

step "the client seals its data; only the plaintext's hash goes on chain"
printf '2,1,0,3\n0,4,1,1\n5,0,2,2\n' > "$OBELISK_DATADIR/samples.csv"
OBELISK_PASSPHRASE=shared-off-chain obelisk seal --force "$OBELISK_DATADIR/samples.csv"
INPUT=0x$(sha256sum < "$OBELISK_DATADIR/samples.csv" | cut -d' ' -f1)

step "the market: predeployed by the dev genesis at a well-known address"
MARKET=0x000000000000000000000000000000000000c0de
obelisk call "$MARKET" job_count

step "post a job: 1 seat, quorum 1, stake 100, 5 blocks to commit, 5 to reveal; pay 1000"
obelisk call "$MARKET" post_job "$INPUT" 1 1 100 5 5 --value 1000

step "the worker stakes to take the seat"
obelisk call "$MARKET" join 0 --from 1 --value 100

step "the worker unseals the data, computes, and commits to sha256(result hash + salt)"
OBELISK_PASSPHRASE=shared-off-chain obelisk unseal --force "$OBELISK_DATADIR/samples.csv.sealed" \
    -o "$OBELISK_DATADIR/worker.csv"
# The data is what the client posted: its hash matches the one on chain.
test "0x$(sha256sum < "$OBELISK_DATADIR/worker.csv" | cut -d' ' -f1)" = "$INPUT"
RESULT=0x$(tr -d ',' < "$OBELISK_DATADIR/worker.csv" | sha256sum | cut -d' ' -f1)   # the "model"
SALT=0x$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
# commitment_for is a view: computed by your own node, nothing is recorded.
COMMITMENT=$(obelisk call "$MARKET" commitment_for "$RESULT" "$SALT")
obelisk call "$MARKET" commit_result 0 "$COMMITMENT" --from 1

step "the seat is full and committed, so the reveal opens at once"
obelisk call "$MARKET" reveal 0 "$RESULT" "$SALT" --from 1

step "anyone settles; the worker withdraws payment and stake"
obelisk call "$MARKET" finalize 0
obelisk call "$MARKET" credit_of "$WORKER"
obelisk call "$MARKET" withdraw --from 1

step "the job, as the chain keeps it; and the whole chain re-verified"
obelisk call "$MARKET" get_job 0
obelisk verify
