"""Tier 1: each validated function as generated Python, with stack slots as locals.

The validator knows every basic block and the stack height at each
instruction, so a function becomes one Python function: operand slots are
locals S0, S1, ..., local variables L0, L1, ..., blocks are branches of a
dispatch on the block's first instruction index, or follow the one block that
enters them. Runs of instructions whose cost is static and that never touch
the execution ("pure") are charged in one step when the gas left covers the
whole run; otherwise the frame goes back to tier 0 (vm/interpreter.py), which
charges instruction by instruction, so the failure point and the gas used are
the reference's. Everything else is charged per instruction (vm/tier1_emit.py).

Internal calls to small non-recursive functions are inlined: the callee's
blocks join the caller's code with their own slot names and keep their own
instruction indexes (so error locations are the same), CALL and RET become
static charges plus the frame-depth check, and a callee that must go back to
tier 0 first builds the frames tier 0 would have had. Other internal calls run
the callee's generated code as a Python call (`call_direct`, at most
DIRECT_DEPTH frames deep); external calls, returns and deeper calls spill the
slots back into the frame's stack list and hand the frame change to the loop.

The generated source holds only slot names, integer immediates and names of
our own functions and constants; it is compiled with no builtins.
"""
from __future__ import annotations

from .instructions import HANDLERS
from .tier1_emit import FRAME, Gen, ctx_op, is_pure, pure_run
from .tier1_fast import key_then_sload

# Limits past which a function stays on tier 0 (CPython's compiler recurses per
# nesting level and slows on huge functions).
MAX_INSTRUCTIONS = 1500  # compiling costs about 30 us an instruction, uncharged: bounded per function
MAX_BLOCKS = 600
# Inlining: a callee (with everything it calls) of at most this many
# instructions, at most this many calls deep; branches nest at most MAX_NEST.
MAX_CALLEE = 200
MAX_INLINE_LEVEL = 8
MAX_NEST = 40
# Copies cost memory on top of each function's own code: all of a program's
# functions together inline at most a quarter of its instructions (plus 256),
# so its generated code stays within about 1.25 times what it would be without.
INLINE_SHARE = 4
INLINE_FLOOR = 256
_CALL = HANDLERS["CALL"]

SLOW = 1  # returned by a generated function: run this frame on tier 0 from frame.pc


class Compiled:
    """One function's generated code: the callable, its code object, and line -> (instruction, refund)."""

    __slots__ = ("run", "code", "lines")  # lines: meta, or "exit": the frame change at x - 1

    def __init__(self, run, code, lines):
        self.run = run
        self.code = code
        self.lines = lines


def owner(pyframe):
    """The Compiled running in this Python frame (a traceback's), or None when it is not generated code."""
    code = pyframe.f_code
    if not code.co_filename.startswith("<tier1 "):
        return None
    frame = pyframe.f_locals.get("frame")  # run(ex, frame): the VM frame it runs
    c = getattr(getattr(frame, "func", None), "tier1", None)
    return c if c is not None and c is not False and c.code is code else None


# An internal CALL runs the callee's generated code as a Python call while the
# frames are at most this many; deeper, the call goes back through the
# interpreter's loop, so contracts never make Python recurse past this bound.
DIRECT_DEPTH = 32


def call_direct(ex, frame, callee, args) -> bool:
    """CALL from generated code: the CALL handler pushes the callee's frame, then its code runs here.

    True when the callee returned (its result, if any, appended to frame.stack);
    False when it left a frame change for the interpreter's loop, which then
    resumes the caller at the instruction after the CALL once the callee returns.
    """
    _CALL(ex, args, callee)
    if len(ex.frames) > DIRECT_DEPTH:
        return False
    c = callee.tier1
    if c is False:
        c = compiled(frame.ctx.program, callee)
    if c is None:
        return False
    c.run(ex, ex.frame)
    return ex.frame is frame


def materialize(ex, frame, chain) -> None:
    """Inlined callees going back to tier 0: push the frames tier 0 would have, (func, pc, stack) outermost first."""
    from .interpreter import Frame

    frames = ex.frames
    for func, pc, stack in chain:
        f = Frame(frame.code, stack, pc, func, frame.ctx, func.returns is not None, False)
        frames.append(f)
    ex.frame = f


def compiled(program, func):
    """The tier-1 form of one function of a validated program, made once per program; None: tier 0."""
    c = func.tier1  # each FuncInfo belongs to one program
    if c is False:
        try:
            c = _compile(program, func)
        except (RecursionError, MemoryError, SyntaxError, OverflowError):
            c = None  # CPython's own limits: this function stays on tier 0
        func.tier1 = c
    return c


class Site:
    """One function's code within a generated function: the root (sid 0) or an inlined callee."""

    __slots__ = ("sid", "func", "level", "parent", "call", "base", "block_end")

    def __init__(self, sid, func, level, parent, call, base):
        self.sid = sid
        self.func = func
        self.level = level  # frames tier 0 would have above the root's
        self.parent = parent
        self.call = call  # the parent's CALL instruction index
        self.base = base  # the parent's slots below the call's arguments
        self.block_end: dict = {}


def _expansion(program, ops, func, memo, stack):
    """(instructions, levels) of func with every call inlined, or None when it cannot be inlined."""
    if func in memo:
        return memo[func]
    if func in stack:
        return None  # recursion: never inlined
    size, levels = func.end - func.entry, 1
    ok = size <= MAX_CALLEE
    for i in range(func.entry, func.end) if ok else ():
        if program.heights[i] is None:
            continue
        name = program.instrs[i][1].name
        if name in FRAME and name not in ("CALL", "RET"):
            ok = False
        elif name == "CALL":
            sub = _expansion(program, ops, ops[i][1], memo, stack + (func,))
            if sub is None:
                ok = False
            else:
                size += sub[0]
                levels = max(levels, sub[1] + 1)
        if not ok or size > MAX_CALLEE or levels > MAX_INLINE_LEVEL:
            ok = False
            break
    memo[func] = (size, levels) if ok else None
    return memo[func]


def _sites(program, ops, func) -> tuple:
    """The root and its inlined callees, and (sid, CALL index) -> callee site."""
    sites = [Site(0, func, 0, None, None, 0)]
    inlined: dict = {}
    memo: dict = {}
    allowance = len(program.instrs) // INLINE_SHARE + INLINE_FLOOR - program.inlined
    budget = min(MAX_INSTRUCTIONS - (func.end - func.entry), allowance)

    def visit(site):
        nonlocal budget
        f = site.func
        for i in range(f.entry, f.end):
            if program.heights[i] is None or program.instrs[i][1].name != "CALL":
                continue
            callee = ops[i][1]
            if site.sid == 0:
                plan = _expansion(program, ops, callee, memo, (func,))
                if plan is None or plan[0] > budget:
                    continue
                budget -= plan[0]
            child = Site(len(sites), callee, site.level + 1, site, i, program.heights[i] - callee.nparams)
            sites.append(child)
            inlined[(site.sid, i)] = child
            visit(child)

    visit(sites[0])
    program.inlined += sum(s.func.end - s.func.entry for s in sites[1:])
    return sites, inlined


def _compile(program, func):
    from .interpreter import prepare  # the predecoded arguments: one meaning per immediate

    ops = prepare(program)
    if func.end - func.entry > MAX_INSTRUCTIONS:
        return None
    sites, inlined = _sites(program, ops, func)
    nblocks = 0
    for site in sites:
        f = site.func
        site.block_end = {a: b for a, b in program.blocks if f.entry <= a < f.end and program.heights[a] is not None}
        nblocks += len(site.block_end)
    if nblocks > MAX_BLOCKS:
        if len(sites) == 1:
            return None
        sites, inlined = sites[:1], {}  # too big with its callees: called, not inlined
        if len(sites[0].block_end) > MAX_BLOCKS:
            return None
    g = Gen(program, func, ops, sites, inlined)
    first = func.entry
    resume = [a for a in sites[0].block_end if a == first or program.instrs[a - 1][1].name in FRAME]
    g.preds = _preds(g, sites, inlined, resume)
    g.goto_hook = _goto
    g.chain_hook = _chain
    for a in sorted(resume):
        g.want((0, a))
    bodies = {}
    while g.worklist:
        key = g.worklist.pop()
        g.out = []
        g.consts = {}
        _chain(g, sites[key[0]], key[1], 0)
        bodies[key] = g.out
    # Assemble: entry (slots from the frame's stack), the dispatch loop, the exits.
    g.out = []
    g.emit(1, "gas = ex.gas")
    g.emit(1, "b = frame.pc")
    g.emit(1, "s = frame.stack")
    g.emit(1, "n = ln(s)")  # the frame's slots: its locals, then its operands
    heights = sorted({program.heights[a] for a in resume})
    for n, h in enumerate(heights):
        slots = g.all_slots(sites[0], h)
        g.emit(1, f"{'if' if n == 0 else 'elif'} n == {len(slots)}:")
        g.emit(2, (", ".join(slots) + ", = s") if slots else "pass")
    g.emit(1, "else:")
    g.emit(2, f"return {SLOW}")
    if g.uses_cx:
        g.emit(1, "cx = frame.ctx")
    if g.uses_depth:
        g.emit(1, "dep = ln(ex.frames)")
    g.emit(1, "while True:")
    _dispatch(g, sorted(bodies.items(), key=lambda kv: g.bid(kv[0])), 2)
    _exits(g)
    return _finish(g, func)


def _preds(g, sites, inlined, resume) -> dict:
    """How many edges enter each (sid, block start); resume points count as many."""
    p = g.p
    preds: dict = {}

    def add(key, n=1):
        preds[key] = preds.get(key, 0) + n

    for a in resume:
        add((0, a), 2)
    for site in sites:
        sid = site.sid
        for a, b in site.block_end.items():
            i = b - 1
            spec = p.instrs[i][1]
            name = spec.name
            if spec.jumps:
                add((sid, p.index_of[p.instrs[i][2]]))
                if name != "JUMP":
                    add((sid, b))
            elif (sid, i) in inlined:
                child = inlined[(sid, i)]
                add((child.sid, child.func.entry))
            elif name == "RET":
                if sid:
                    add((site.parent.sid, site.call + 1))
            elif not spec.terminates:
                add((sid, b), 2 if name in FRAME else 1)  # after a frame change: also a resume point
    return preds


def _goto(g, site, a, ind):
    """Control moves to block a of site: its code right here when only this edge enters it, else the dispatch."""
    key = (site.sid, a)
    if g.preds.get(key, 0) == 1 and ind <= MAX_NEST and key not in g.placed:
        g.placed.add(key)
        _chain(g, site, a, ind)
        return
    if ind <= MAX_NEST and _short_end(g, site, a):
        _chain(g, site, a, ind)  # a copy here as well as in the dispatch: it goes nowhere after
        return
    g.want(key)
    g.emit(ind, f"b = {g.bid(key)}")
    g.emit(ind, "continue")


def _short_end(g, site, a) -> bool:
    """A block of a few instructions that returns or reverts, with no call: cheap to copy where it is entered."""
    b = site.block_end.get(a)
    last = g.p.instrs[b - 1][1] if b is not None else None
    if b is None or b - a > 6 or not last.terminates or last.jumps:  # a jump goes on somewhere: never copied
        return False
    return all(g.p.instrs[i][1].name not in FRAME or i == b - 1 for i in range(a, b))


def _chain(g, site, a, ind):
    """Block a of site, then wherever control goes at its end."""
    p = g.p
    b = site.block_end[a]
    saved = g.site
    g.site = site
    i = a
    end = None
    while i < b:
        g.block_stop = b
        if is_pure(g, i):
            j = i
            while j < b and is_pure(g, j):
                j += 1
            end = pure_run(g, i, j, ind)
            i = j
        elif p.instrs[i][1].name == "KEY" and (fused := key_then_sload(g, i, ind)):
            end = None
            i += fused
        else:
            end = ctx_op(g, i, ind)
            i += 1
            if end is not None and end[0] == "done":
                break
    if end is None:  # fell into the next block
        _goto(g, site, b, ind)
    elif end[0] == "jump":
        _goto(g, site, end[1], ind)
    elif end[0] == "branch":
        _, cond, post, target, meta = end
        tkey = (site.sid, target)
        known = dict(g.consts)  # true at the branch: for both ways, not for what the first way emits
        if g.preds.get(tkey, 0) == 1 and ind < MAX_NEST and tkey not in g.placed:
            # The branch not taken (often a revert) nests; the taken one goes on at this level.
            g.emit(ind, f"if not ({cond}):", meta)
            for text in post:
                g.emit(ind + 1, text, meta)
            _goto(g, site, b, ind + 1)
            g.consts = known
            _goto(g, site, target, ind)
        else:
            g.emit(ind, f"if {cond}:", meta)
            _goto(g, site, target, ind + 1)
            g.consts = known
            for text in post:
                g.emit(ind, text, meta)
            _goto(g, site, b, ind)
    elif end[0] == "call":
        child = end[1]
        _goto(g, child, child.func.entry, ind)
    elif end[0] == "ret":
        _goto(g, site.parent, site.call + 1, ind)
    # "done": the code returned or left the loop
    g.site = saved


def _dispatch(g, bodies, indent):
    """A binary tree of comparisons over block ids, short chains at its leaves."""
    if len(bodies) <= 4:
        for n, (key, lines) in enumerate(bodies):
            g.emit(indent, f"{'if' if n == 0 else 'elif'} b == {g.bid(key)}:")
            for ind, text, meta in lines:
                g.emit(indent + 1 + ind, text, meta)
        g.emit(indent, "else:")
        g.emit(indent + 1, f"return {SLOW}")
        return
    mid = len(bodies) // 2
    g.emit(indent, f"if b < {g.bid(bodies[mid][0])}:")
    _dispatch(g, bodies[:mid], indent + 1)
    g.emit(indent, "else:")
    _dispatch(g, bodies[mid:], indent + 1)


def _exits(g):
    """The one way out of the loop: spill the slots into the frames, then either
    hand the frame back to tier 0 (fop None) or run the frame change."""
    for n, ((sid, h), eid) in enumerate(sorted(g.exits.items(), key=lambda kv: kv[1])):
        g.emit(1, f"{'if' if n == 0 else 'elif'} hx == {eid}:")
        site = g.sites[sid]
        if sid == 0:
            g.emit(2, "frame.pc = x")
            g.emit(2, f"frame.stack = [{', '.join(g.all_slots(site, h))}]")
            continue
        # The frames of the inlined calls, outermost first: each caller resumes after its CALL.
        path = []
        s, height, pc = site, h, "x"
        while s.sid:
            path.append((s, height, pc))
            s, height, pc = s.parent, s.base, str(s.call + 1)
        g.emit(2, f"frame.pc = {pc}")
        g.emit(2, f"frame.stack = [{', '.join(g.all_slots(s, height))}]")
        chain = [f"({g.name('A', s.func)}, {pc}, [{', '.join(g.all_slots(s, height))}])" for s, height, pc in reversed(path)]
        g.ns["MAT"] = materialize
        g.emit(2, f"MAT(ex, frame, ({', '.join(chain)},))")
    g.emit(1, "ex.gas = gas")
    g.emit(1, "if fop is None:")
    g.emit(2, f"return {SLOW}")
    g.emit(1, "fop(ex, frame.stack, farg)", "exit")
    g.emit(1, "return 0")


def _finish(g, func):
    lines = ["def run(ex, frame):"]
    table = {}
    for indent, text, meta in g.out:
        lines.append("    " * indent + text)
        if meta is not None:
            table[len(lines)] = meta
    source = "\n".join(lines) + "\n"
    code = compile(source, f"<tier1 {func.name!r}>", "exec")  # a name may hold any character, NUL too
    ns = g.ns
    exec(code, ns)  # noqa: S102 -- our own generated source, names and integers only
    run = ns["run"]
    return Compiled(run, run.__code__, table)


__all__ = ["Compiled", "SLOW", "DIRECT_DEPTH", "call_direct", "compiled", "owner"]
