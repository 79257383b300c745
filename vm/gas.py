"""Dynamic gas: what an instruction costs beyond its static price, by the work it does.

Static prices live in the opcode table. Every rule here is charged before the
work it pays for, from sizes known in O(1), so no operand can make the host
compute or allocate much more than was paid.
"""
from __future__ import annotations

WORD = 32

# Copying or building bytes (CONCAT result, KEY result, UTF-8 measuring of text).
COPY_PER_WORD = 3
# Comparing bytes or strings (EQ, NE), per word of the shorter operand.
COMPARE_PER_WORD = 1
# Comparing structs: a walk over their fields (at most one per byte of size).
COMPARE_STRUCT_PER_WORD = 16
# SHA256 input.
HASH_PER_WORD = 6
# POW: per byte of the exponent, as the EVM does.
EXP_PER_BYTE = 50
# SLOAD: per word of key and of the value read.
SLOAD_PER_WORD = 10
# SSTORE: per word of key and value written; storage grows every node's disk.
# About 6 gas a byte, so 10M gas writes at most ~1.6 MB of state.
SSTORE_PER_WORD = 200
# SSTORE of a non-zero value under a key that holds nothing yet.
SSTORE_NEW_KEY = 1500
# EMIT: per word of the logged fields: 8 gas a byte, as Ethereum charges log
# data, so 10M gas adds at most ~1.25 MB to a block's receipts.
LOG_PER_WORD = 256
# What leaves the VM into a receipt besides logs: the outermost call's return
# value and a revert's reason, per word past the first (which the call's own
# price covers), at the log rate.
OUTPUT_PER_WORD = 256
# Checking a value against a struct type (XCALL and call arguments, return
# values crossing contracts, event fields): per field in the declared types,
# nested fields included, so a huge declared type cannot be checked for free.
CONFORM_PER_FIELD = 5
# XCALL: per word of the arguments handed to the callee.
XCALL_ARG_PER_WORD = 3
# CALL and XCALL: per local slot of the new frame.
FRAME_PER_LOCAL = 1
# MAKE_STRUCT and SET_FIELD: per field copied.
STRUCT_PER_FIELD = 1
# deploy: per byte of code, paid before decoding and validating it.
DEPLOY_PER_BYTE = 20
# The first load of a contract's code in a call (top level or XCALL), flat:
# the account and code lookups and the program cache's lookup, priced as
# Ethereum prices a cold account access (EIP-2929). Charged before the host
# is asked, so an address with no code pays it too.
CODE_ACCESS = 2600
# ... plus, per byte of the encoded code object: the node reads those bytes
# and hashes them (to check them and to find the validated program). Checking
# and predecoding are not charged here: `deploy` paid for them (DEPLOY_PER_BYTE)
# and the validated program is kept by code hash. The price is the same
# whether the program is in the process's cache or not.
CODE_LOAD_PER_BYTE = 1

def words(nbytes: int) -> int:
    return (nbytes + WORD - 1) // WORD


def output_cost(nbytes: int) -> int:
    return OUTPUT_PER_WORD * max(words(nbytes) - 1, 0)


def exp_cost(exponent: int) -> int:
    return EXP_PER_BYTE * ((exponent.bit_length() + 7) // 8)
