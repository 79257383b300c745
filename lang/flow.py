"""Control-flow facts shared by the checker and codegen: where control can never fall through."""
from __future__ import annotations

from . import ast


def terminates(s, consts) -> bool:
    """Whether control can never run past this statement or block (consts: folded values)."""
    if isinstance(s, ast.Block):
        return any(terminates(x, consts) for x in s.stmts)
    if isinstance(s, (ast.ReturnStmt, ast.RevertStmt)):
        return True
    while isinstance(s, ast.IfStmt):  # an else-if chain, however long, in a loop
        if s.orelse is None or not terminates(s.then, consts):
            return False
        if not isinstance(s.orelse, ast.IfStmt):
            return terminates(s.orelse, consts)
        s = s.orelse
    if isinstance(s, ast.WhileStmt):
        return consts.get(s.cond) is True and not breaks(s.body)
    return False


def breaks(block) -> bool:
    """Whether a loop body contains a break for this loop (not for a nested one)."""
    stack = list(block.stmts)
    while stack:
        s = stack.pop()
        if isinstance(s, ast.BreakStmt):
            return True
        if isinstance(s, ast.IfStmt):
            stack.extend(s.then.stmts)
            if isinstance(s.orelse, ast.Block):
                stack.extend(s.orelse.stmts)
            elif s.orelse is not None:
                stack.append(s.orelse)
        elif isinstance(s, ast.Block):
            stack.extend(s.stmts)
    return False
