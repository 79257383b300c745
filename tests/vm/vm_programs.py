"""A hypothesis strategy for valid programs, generated structurally: internal and external calls,
structs, storage, events, every opcode. Shared by the property tests and the tier differential test.
"""
from __future__ import annotations

from hypothesis import strategies as st

from vm.asm import FunctionAsm, Instr, Label, assemble
from vm.code import PUB, REENTRANT, VIEW, Event
from vm.opcodes import BY_NAME
from vm.values import INT_MAX, INT_MIN

CONSTS = [0, 1, -1, 7, INT_MAX, INT_MIN, 2**200, "", "a", "héllo", b"", b"\x00", b"\x01\x02", True, False]
FIXED = [
    op for op in BY_NAME.values()
    if type(op.pops) is int and type(op.pushes) is int and not op.jumps and not op.terminates
    and op.name not in ("LOAD", "STORE", "PUSH_CONST", "PUSH_INT", "GET_FIELD", "SET_FIELD", "SLOAD", "CHECK_TYPE")
]
TYPES = ["int", "bool", "address", "bytes", "string", ("struct", "S", (("a", "int"),)), ("struct", "T", (("a", "bool"),))]


XCALLS = ["XCALL", "XCALL_VOID", "XCALL_VIEW", "XCALL_VIEW_VOID"]


@st.composite
def programs(draw):
    nfuncs = draw(st.integers(1, 3))
    sigs = []
    for i in range(nfuncs):
        nparams = draw(st.integers(0, 2))
        sigs.append((nparams, draw(st.booleans()) if i else True, nparams + draw(st.integers(0, 2))))
    funcs = []
    for i, (nparams, returns, nlocals) in enumerate(sigs):
        nseg = draw(st.integers(1, 5))
        body = []
        for k in range(nseg):
            body.append(Label(f"s{k}"))
            h = 0
            for _ in range(draw(st.integers(0, 12))):
                choice = draw(st.integers(0, 9))
                if choice == 0:
                    body.append(Instr("PUSH_CONST", draw(st.sampled_from(CONSTS))))
                    h += 1
                elif choice == 1:
                    body.append(Instr("PUSH_INT", draw(st.integers(-128, 127))))
                    h += 1
                elif choice == 2 and nlocals:
                    body.append(Instr("LOAD", draw(st.integers(0, nlocals - 1))))
                    h += 1
                elif choice == 3 and nlocals and h:
                    body.append(Instr("STORE", draw(st.integers(0, nlocals - 1))))
                    h -= 1
                elif choice == 4 and h:
                    # Field 0 only: every struct built here has one (validation checks known counts).
                    op = draw(st.sampled_from(["GET_FIELD", "SLOAD"]))
                    body.append(Instr(op, 0 if op == "GET_FIELD" else draw(st.integers(0, 4))))
                elif choice == 5 and h >= 2:
                    body.append(Instr("SET_FIELD", 0))
                    h -= 1
                elif choice == 6 and h:
                    n = draw(st.integers(1, min(h, 3)))
                    body.append(Instr("MAKE_STRUCT", n))
                    h = h - n + 1
                elif choice == 7:
                    callee = draw(st.integers(0, nfuncs - 1))
                    cp, cr, _ = sigs[callee]
                    if h >= cp:
                        body.append(Instr("CALL", callee))
                        h = h - cp + (1 if cr else 0)
                elif choice == 8 and draw(st.booleans()):
                    # A real external call back into this contract (reentrancy, static, frames).
                    callee = draw(st.integers(0, nfuncs - 1))
                    body += [Instr("SELF"), Instr("PUSH_CONST", f"f{callee}")]
                    body += [Instr("PUSH_INT", draw(st.integers(-3, 3))) for _ in range(sigs[callee][0])]
                    body.append(Instr(draw(st.sampled_from(XCALLS)), sigs[callee][0]))
                    h += 1 if body[-1].op in ("XCALL", "XCALL_VIEW") else 0
                    if h and draw(st.booleans()):
                        body.append(Instr("CHECK_TYPE", draw(st.sampled_from(TYPES))))
                elif choice == 8 and h >= 2:
                    n = draw(st.integers(0, min(h - 2, 2)))
                    body.append(Instr(draw(st.sampled_from(XCALLS)), n))
                    h = h - n - 2 + (1 if body[-1].op in ("XCALL", "XCALL_VIEW") else 0)
                elif choice == 9 and h and draw(st.booleans()):
                    body.append(Instr("CHECK_TYPE", draw(st.sampled_from(TYPES))))
                else:
                    op = draw(st.sampled_from(FIXED))
                    if op.pops <= h and h - op.pops + op.pushes <= 16:
                        body.append(Instr(op.name))
                        h = h - op.pops + op.pushes
            body += [Instr("POP")] * h
            last = k == nseg - 1
            end = draw(st.sampled_from(["ret", "jump", "cond", "revert"] + ([] if last else ["fall"])))
            target = f"s{draw(st.integers(0, nseg - 1))}"
            if end == "ret" or (end == "cond" and last):
                if returns:
                    body.append(Instr("PUSH_CONST", draw(st.sampled_from(CONSTS))))
                body.append(Instr("RET"))
            elif end == "jump":
                body.append(Instr("JUMP", target))
            elif end == "cond":
                body.append(Instr(draw(st.sampled_from(["PUSH_TRUE", "PUSH_FALSE", "PUSH_INT"])), None))
                if body[-1].op == "PUSH_INT":
                    body[-1] = Instr("PUSH_INT", 0)
                body.append(Instr(draw(st.sampled_from(["JUMP_IF_TRUE", "JUMP_IF_FALSE"])), target))
            elif end == "revert":
                body.append(Instr("PUSH_CONST", "no"))
                body.append(Instr("REVERT"))
        params = tuple((f"p{j}", "int") for j in range(nparams))
        flags = PUB | (REENTRANT if draw(st.booleans()) else 0) | (VIEW if draw(st.integers(0, 4)) == 0 else 0)
        funcs.append(FunctionAsm(f"f{i}", params, "int" if returns else None, nlocals, flags, body))
    events = [Event("E", (("v", "int"),))]
    args = [draw(st.integers(-5, 5)) for _ in range(sigs[0][0])]
    return assemble("Gen", funcs, events), args
