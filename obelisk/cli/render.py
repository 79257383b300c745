"""Output: one JSON document under --json, else a readable view made safe for the terminal."""
from __future__ import annotations

import json
import sys

import click

from .options import EXIT_FAILED, EXIT_OK


def one_line(text) -> str:
    return printable(" ".join(str(text).split()))


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """"1 block", "3 blocks", "0 blocks": every count a message shows (plural: an irregular one)."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def printable(text) -> str:
    """Text safe to show on a terminal: control, format and other invisible
    characters (an escape sequence or a bidi override in a revert reason that
    a contract chose) are shown as escapes instead of acting on the terminal."""
    text = str(text)
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


def printable_lines(text: str) -> str:
    """printable() for a multi-line view (source text, disassembly): tabs, which
    only indent, are kept."""
    return "\n".join("\t".join(printable(part) for part in line.split("\t")) for line in str(text).split("\n"))


def console(err: bool = False):
    from rich.console import Console

    stream = sys.stderr if err else sys.stdout
    # Rich fits tables to the terminal by cutting cells short ("0x2607…"): an address
    # or a balance cut short is wrong, so lay out as if wide; a narrow terminal wraps lines.
    return Console(file=stream, width=400, highlight=False, soft_wrap=True)


def dumps(document) -> str:
    """One line of JSON, UTF-8 text as is; escaped when it holds text that is not
    valid Unicode (a file name of undecodable bytes), so the output stays valid UTF-8."""
    text = json.dumps(document, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(document)
    return text


def emit(state, document, human) -> None:
    """Print the JSON document under --json, else call human() for the readable view."""
    if state.json:
        click.echo(dumps(document))
    else:
        human()


class Styled(str):
    """Text already made safe and styled by us (echo_fields passes it as is)."""


def echo_fields(rows) -> None:
    """Aligned `key  value` lines; values never wrap, so hashes stay whole and greppable."""
    rows = [(k, v) for k, v in rows]
    width = max((len(k) for k, _ in rows), default=0)
    for key, value in rows:
        # Styled after escaping, so only our own styling reaches the terminal.
        value = value if isinstance(value, Styled) else printable(value)
        click.echo(f"{click.style(key.ljust(width), bold=True)}  {value}")


def human_value(value, t=None) -> str:
    """How a value reads in the human view: strings bare at the top level, the rest as
    JSON; either way made printable (the text may be anyone's)."""
    from vm.abi import to_json

    if isinstance(value, str):
        return printable(value)
    data = to_json(value, t)
    if isinstance(data, bool):
        return "true" if data else "false"
    if isinstance(data, (int, str)):
        return printable(data)
    return printable(json.dumps(data, ensure_ascii=False))


def reverted_line(reason, location) -> str:
    return printable(f"obelisk: reverted: {reason}" + (f" at {location}" if location else ""))


def show_receipt(doc: dict) -> None:
    ok = doc["status"] == "success"
    rows = [("status", Styled(click.style(doc["status"], fg="green" if ok else "red", bold=not ok))), ("tx", doc["tx"]),
            ("block", doc["block"]), ("gas used", doc["gas_used"])]
    if doc.get("address"):
        rows.append(("contract", doc["address"]))
    if ok and doc.get("value") is not None:
        rows.append(("value", human_value(doc["value"])))
    if not ok:
        rows.append(("reason", doc.get("reason")))
        if doc.get("location"):
            rows.append(("location", doc["location"]))
    rows += [("event", f"{ev['name']}({', '.join(f'{k}={_event_arg(v)}' for k, v in ev['args'].items())})  from {ev['address']}")
             for ev in doc.get("events", [])]
    echo_fields(rows)


def _event_arg(value) -> str:
    if isinstance(value, str) and not value.startswith("0x"):
        return printable(json.dumps(value, ensure_ascii=False))
    return human_value(value)


def finish_tx(state, receipt) -> int:
    """Print a mined transaction's receipt (events typed by their contract's ABI); exit 1 when it reverted."""
    doc = receipt.to_json()
    emit(state, doc, lambda: show_receipt(doc))
    if doc["status"] != "success":
        click.echo(reverted_line(doc["reason"], doc["location"]), err=True)
        return EXIT_FAILED
    return EXIT_OK
