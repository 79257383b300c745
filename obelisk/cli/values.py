"""Command-line text as ABI values and chain names (hashes, amounts, gas), by the codec vm.abi; misfits are exit 2."""
from __future__ import annotations

from contextlib import contextmanager

from .options import CliError

INT_MIN = -(2**255)
INT_MAX = 2**255 - 1


@contextmanager
def _bad_input():
    """A value that does not fit (vm.abi.AbiError) as exit 2 with its one-line reason."""
    from vm.abi import AbiError

    try:
        yield
    except AbiError as exc:
        raise CliError(exc.message) from None


# vm.abi is imported when a command first parses a value: `obelisk --help` does not load the VM.


def parse_int(text: str, what: str, lo: int = INT_MIN, hi: int = INT_MAX) -> int:
    from vm import abi

    with _bad_input():
        return abi.int_from_text(text, what, lo, hi)


def parse_address(text: str, what: str = "address"):
    from vm import abi

    with _bad_input():
        return abi.address_from_text(text, what)


def parse_hash(text: str, what: str) -> bytes:
    from vm import abi

    with _bad_input():
        return abi.hash_from_text(text, what)


def parse_arg(text: str, t, what: str):
    """Text from the command line -> the VM value of type t, or CliError with a one-line reason."""
    from vm import abi

    with _bad_input():
        return abi.from_text(text, t, what)


def parse_args(texts, params, what: str) -> list:
    """A function's arguments; params is ((name, TYPE), ...)."""
    from vm import abi

    with _bad_input():
        return abi.args_from_text(list(texts), params, what)


def show(text) -> str:
    from vm import abi

    return abi.show(text)


def parse_amount(text, what):
    return 0 if text is None else parse_int(text, what, 0, INT_MAX)


def parse_gas(text):
    # Any 64-bit value goes to the library, which gives the same answer as it does
    # to Python callers (0 or over the block limit: refused, out of gas for a view).
    return None if text is None else parse_int(text, "--gas", 0, 2**64 - 1)


def parse_tx_options(gas_price, nonce) -> dict:
    """--gas-price and --nonce as the library's keyword arguments (absent ones: its defaults)."""
    from chain import consensus as C

    out = {}
    if gas_price is not None:
        out["gas_price"] = parse_int(gas_price, "--gas-price", C.MIN_GAS_PRICE, C.MAX_U64)
    if nonce is not None:
        out["nonce"] = parse_int(nonce, "--nonce", 0, C.MAX_NONCE)
    return out


def is_index(text: str) -> bool:
    """A dev account index (`--from 1`), as opposed to an address."""
    return text.isascii() and text.isdigit() and len(text) < 6


def parse_account_address(text: str, what: str):
    """A 0x address where a dev account index would also do: a reason that says both."""
    if not text.lower().startswith("0x"):
        raise CliError(f"{what}: expected a dev account index or a 0x address, got {show(text)}")
    return parse_address(text, what)
