"""The pytest plugin (entry point `pytest11`): fixtures `devnet` and `accounts`, isolation by snapshot, gas reports.

Imports nothing of the chain until a test asks for a fixture, so projects that
do not use Obelisk pay nothing for having it installed.
"""
from __future__ import annotations

from pathlib import Path

import pytest



class _State:
    """One pytest run's dev chain and gas figures (kept on the config: pytester runs nest)."""

    net = pristine = gas = snapshot = None


_KEY = pytest.StashKey[_State]()


def _state(config) -> _State:
    state = config.stash.get(_KEY, None)
    if state is None:
        state = config.stash[_KEY] = _State()
    return state


def pytest_addoption(parser):
    group = parser.getgroup("obelisk", "Obelisk contracts")
    group.addoption("--gas-report", action="store_true", default=False,
                    help="print gas per contract and function (calls, min, median, max) at the end")
    group.addoption("--gas-snapshot", metavar="FILE", default=None,
                    help="write the gas report to FILE, or if it exists, fail when the gas differs")
    group.addoption("--update-gas-snapshot", action="store_true", default=False,
                    help="with --gas-snapshot: rewrite FILE with this run's figures")


def pytest_configure(config):
    opts = config.option
    if opts.gas_report or opts.gas_snapshot:
        from chain import devnet as chain_devnet

        from .gas import GasReport

        report = GasReport()
        _state(config).gas = report
        chain_devnet.CALL_OBSERVERS.append(report.record)


def pytest_unconfigure(config):
    state = _state(config)
    if state.gas is not None:
        from chain import devnet as chain_devnet

        if state.gas.record in chain_devnet.CALL_OBSERVERS:
            chain_devnet.CALL_OBSERVERS.remove(state.gas.record)
        state.gas = None
    if state.net is not None:
        state.net.close()
        state.net = None


@pytest.fixture(scope="session")
def devnet(request):
    """The session's dev chain (obelisk.Devnet, in memory). Each test runs inside a snapshot
    reverted when it ends; each test module inside another, so module fixtures' state lasts the module."""
    import obelisk

    state = _state(request.config)
    if state.net is None:
        state.net = obelisk.Devnet()
        state.pristine = state.net.snapshot()
    return state.net


@pytest.fixture(scope="session")
def accounts(devnet):
    """The ten funded dev accounts (PrivateKey; `.address`); accounts[0] sends by default."""
    return devnet.accounts


@pytest.fixture(scope="module", autouse=True)
def _obelisk_module_isolation(request):
    state = _state(request.config)
    sid = state.net.snapshot() if state.net is not None else None
    yield
    if state.net is None:
        return
    if sid is not None:
        state.net.revert(sid)
    else:  # the chain was made during this module: back to new, and keep a way back for the next
        state.net.revert(state.pristine)
        state.pristine = state.net.snapshot()


@pytest.fixture(autouse=True)
def _obelisk_test_isolation(request):
    if "devnet" not in request.fixturenames:
        yield
        return
    net = request.getfixturevalue("devnet")
    sid = net.snapshot()
    yield
    net.revert(sid)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A test that fails on a reverted transaction or view call shows its call trace."""
    outcome = yield
    report = outcome.get_result()
    if call.excinfo is None or report.passed:
        return
    from chain.results import Reverted

    exc = call.excinfo.value
    while exc is not None and not isinstance(exc, Reverted):
        exc = exc.__cause__ or exc.__context__
    if exc is None or (exc.receipt is None and exc._retrace is None):
        return
    try:
        text = exc.trace().render()
    except Exception as err:  # a trace is a help; never hide the real failure behind its error
        text = f"(no trace: {err})"
    what = "transaction" if exc.receipt is not None else "view call"
    report.sections.append((f"obelisk trace of the reverted {what}", text))


def pytest_sessionfinish(session, exitstatus):
    state = _state(session.config)
    path = session.config.option.gas_snapshot
    if state.gas is None or path is None:
        return
    from .gas import check_snapshot

    if hasattr(session.config, "workerinput"):  # a pytest-xdist worker sees only its share of the calls
        state.snapshot = "gas snapshot not checked: run without xdist (-n) to check it"
        return
    writing = session.config.option.update_gas_snapshot or not Path(path).exists()
    if writing and session.exitstatus != 0:
        state.snapshot = f"gas snapshot {path} not written: tests failed, so the figures are incomplete"
        return
    ok, message = check_snapshot(state.gas, Path(path), session.config.option.update_gas_snapshot)
    state.snapshot = message
    if not ok and session.exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    state = _state(config)
    if state.gas is None:
        return
    if config.option.gas_report:
        terminalreporter.write_sep("=", "obelisk gas report")
        terminalreporter.write_line(state.gas.table())
    if state.snapshot:
        terminalreporter.write_sep("=", "obelisk gas snapshot")
        terminalreporter.write_line(state.snapshot)
