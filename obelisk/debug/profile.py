"""Gas per source line and per function of one transaction, from the VM's steps: the rows add up to gas used."""
from __future__ import annotations

from dataclasses import dataclass, field

from .recorder import step_costs
from .sources import source_lines

ENTRY = "(entry: code load, argument check, frame)"
INTRINSIC = "(intrinsic: transaction base and data)"


@dataclass
class GasProfile:
    gas_used: int
    intrinsic: int
    entry: int  # charged before the first instruction
    lines: dict = field(default_factory=dict)  # (file, line) -> gas
    functions: dict = field(default_factory=dict)  # "Contract.function" -> [gas (self), instructions]
    _sources: dict = field(default_factory=dict, repr=False)  # path -> lines, read once
    value: object = None  # with profile=True: what the call returned
    receipt: object = None  # with profile=True: the transaction's receipt (None for a view)

    def source(self, path: str, n: int) -> str:
        """Line n of a source file as it is on disk now ("" when it cannot be read safely)."""
        lines = source_lines(path, self._sources)
        return lines[n - 1].rstrip() if lines is not None and 0 < n <= len(lines) else ""

    @property
    def total(self) -> int:
        return self.intrinsic + self.entry + sum(self.lines.values())

    def to_json(self, sources: bool = True) -> dict:
        """The profile as data; sources=False leaves each line's "source" null (a node never reads
        files that deployed code names: the client fills them in from its own disk, from_json)."""
        return {
            "gas_used": self.gas_used, "intrinsic_gas": self.intrinsic, "entry_gas": self.entry,
            "lines": [{"file": f, "line": n, "gas": g, "source": self.source(f, n) if sources else None}
                      for (f, n), g in sorted(self.lines.items())],
            "functions": [{"function": name, "gas": g, "instructions": k}
                          for name, (g, k) in sorted(self.functions.items(), key=lambda kv: (-kv[1][0], kv[0]))],
        }

    @classmethod
    def from_json(cls, doc: dict) -> "GasProfile":
        """The profile a to_json document describes (sources are read again, here, when shown)."""
        prof = cls(doc["gas_used"], doc["intrinsic_gas"], doc["entry_gas"])
        prof.lines = {(r["file"], r["line"]): r["gas"] for r in doc["lines"]}
        prof.functions = {r["function"]: [r["gas"], r["instructions"]] for r in doc["functions"]}
        return prof

    def render(self) -> str:
        width = max([len(str(self.gas_used))] + [len(str(g)) for g in self.lines.values()])
        out = [f"gas used {self.gas_used}", f"{self.intrinsic:>{width}}  {INTRINSIC}",
               f"{self.entry:>{width}}  {ENTRY}"]
        current = None
        for (f, n), g in sorted(self.lines.items()):
            if f != current:
                out.append(f"-- {f}")
                current = f
            out.append(f"{g:>{width}}  {n:>4} | {self.source(f, n)}")
        out.append("by function (own gas, instructions):")
        for name, (g, k) in sorted(self.functions.items(), key=lambda kv: (-kv[1][0], kv[0])):
            out.append(f"{g:>{width}}  {name} ({k})")
        return "\n".join(out)


def build(tx_gas_limit: int, gas_used: int, intrinsic: int, steps: list) -> GasProfile:
    gas_left_at_end = tx_gas_limit - gas_used
    entry = (tx_gas_limit - intrinsic - steps[0].gas) if steps else gas_used - intrinsic
    prof = GasProfile(gas_used, intrinsic, entry)
    for s, cost in zip(steps, step_costs(steps, gas_left_at_end)):
        loc = s.location()
        if loc is not None:
            path, line, _ = loc.rsplit(":", 2)
            key = (path, int(line))
        else:
            key = (s.program.code.name, 0)
        prof.lines[key] = prof.lines.get(key, 0) + cost
        name = f"{s.program.code.name}.{s.func.name}"
        row = prof.functions.setdefault(name, [0, 0])
        row[0] += cost
        row[1] += 1
    return prof
