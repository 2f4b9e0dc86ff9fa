import sys


def pytest_terminal_summary(terminalreporter):
    """The figure of the hostile-input sweeps (tests/security/test_hostile_input.py), for the
    README's security section."""
    module = sys.modules.get("tests.security.test_hostile_input")
    if module is None or not module.TALLY["requests"]:
        return
    tally = module.TALLY
    terminalreporter.write_sep("-", "hostile input")
    terminalreporter.write_line(
        f"{tally['requests']} hostile inputs, {tally['server_errors']} server errors"
    )
