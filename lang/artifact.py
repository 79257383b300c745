"""The compiler's product: bytecode plus ABI, source map and provenance, as JSON."""
from __future__ import annotations

import json
from dataclasses import dataclass


@dataclass(frozen=True)
class Artifact:
    name: str
    abi: dict
    bytecode: bytes
    source_map: dict  # {"files": [...], "lines": [[pc, file_index, line, col], ...]}
    compiler_version: str
    source_hash: str  # hex sha256 over the sources (see compiler.source_hash)

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "abi": self.abi,
            "bytecode": "0x" + self.bytecode.hex(),
            "source_map": self.source_map,
            "compiler_version": self.compiler_version,
            "source_hash": self.source_hash,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "Artifact":
        """Read what to_json wrote; anything else raises ValueError saying what is wrong."""
        try:
            d = json.loads(text)
        except (ValueError, RecursionError) as exc:
            raise ValueError(f"not JSON: {exc}") from None
        if not isinstance(d, dict):
            raise ValueError("an artifact is a JSON object")
        want = {"name": str, "abi": dict, "bytecode": str, "source_map": dict, "compiler_version": str, "source_hash": str}
        for key, t in want.items():
            if not isinstance(d.get(key), t):
                raise ValueError(f"field {key!r} is missing or not a {t.__name__}")
        code = d["bytecode"]
        try:
            bytecode = bytes.fromhex(code[2:] if code.startswith("0x") else code)
        except ValueError:
            raise ValueError("field 'bytecode' is not hex") from None
        return cls(d["name"], d["abi"], bytecode, d["source_map"], d["compiler_version"], d["source_hash"])
