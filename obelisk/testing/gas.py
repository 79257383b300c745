"""Gas per contract and function over a test run: the report (`pytest --gas-report`) and its snapshot file."""
from __future__ import annotations

import statistics
from pathlib import Path

# One line per contract function, sorted, so a snapshot diff reads like the change it records.
LINE = "{contract}.{function} (calls: {calls}, min: {min}, median: {median}, max: {max})"


class GasReport:
    """Gas used by each call, by (contract, function); deployments count as the function "(deploy)"."""

    def __init__(self):
        self.calls: dict = {}

    def record(self, contract: str, function: str, gas: int) -> None:
        self.calls.setdefault((contract, function), []).append(gas)

    def rows(self) -> list:
        out = []
        for (contract, function), gas in sorted(self.calls.items()):
            # median_low: always a gas figure some call really used, an int.
            out.append({"contract": contract, "function": function, "calls": len(gas), "min": min(gas),
                        "median": statistics.median_low(gas), "max": max(gas)})
        return out

    def table(self) -> str:
        rows = self.rows()
        if not rows:
            return "no contract calls were made"
        head = ("contract", "function", "calls", "min", "median", "max")
        body = [tuple(str(r[k]) for k in head) for r in rows]
        widths = [max(len(x) for x in col) for col in zip(head, *body)]
        numeric = (False, False, True, True, True, True)

        def line(cells):
            return "  ".join(c.rjust(w) if num else c.ljust(w) for c, w, num in zip(cells, widths, numeric)).rstrip()

        return "\n".join([line(head), line(["-" * w for w in widths])] + [line(b) for b in body])

    def snapshot_text(self) -> str:
        return "".join(LINE.format(**r) + "\n" for r in self.rows())


def check_snapshot(report: GasReport, path: Path, update: bool) -> tuple[bool, str]:
    """Write the snapshot (when asked, or when there is none yet) or compare with it: (ok, message)."""
    text = report.snapshot_text()
    if update or not path.exists():
        path.write_text(text, encoding="utf-8")
        n = text.count("\n")
        return True, f"gas snapshot written to {path} ({n} function{'s' if n != 1 else ''})"
    old = path.read_text(encoding="utf-8").splitlines()
    new = text.splitlines()
    if old == new:
        return True, f"gas snapshot {path} matches"
    gone = [line for line in old if line not in new]
    added = [line for line in new if line not in old]
    lines = [f"gas snapshot {path} differs (run with --update-gas-snapshot to accept):"]
    lines += [f"- {line}" for line in gone] + [f"+ {line}" for line in added]
    return False, "\n".join(lines)
