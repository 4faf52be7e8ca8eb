"""The program runs on Windows and macOS too: every call that only one system has is guarded.

An AST scan of careops_desktop/ finds uses of names that exist on Linux (or POSIX, or
Windows) only: ``os.sched_setaffinity``, ``fcntl``, signals other than SIGINT/SIGTERM,
``loop.add_signal_handler`` (not on Windows' event loop), ``msvcrt`` … A use is guarded
when it sits

- under an ``if`` that asks ``sys.platform``, ``os.name``, ``platform.system()`` or
  ``hasattr(...)``, or after such an ``if`` that returns or raises early;
- inside ``try`` with an ``except`` for AttributeError, ImportError, NotImplementedError
  or OSError, or inside ``with contextlib.suppress(...)`` of one of those.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "careops_desktop"

# modules that exist on some systems only
ONE_SYSTEM_MODULES = {
    "fcntl", "termios", "tty", "pty", "pwd", "grp", "resource", "posix", "syslog", "crypt",
    "msvcrt", "winreg", "winsound", "_winapi",
}  # fmt: skip
# attributes of os / signal / time that exist on some systems only
ONE_SYSTEM_ATTRIBUTES = {
    "os": {
        "sched_setaffinity", "sched_getaffinity", "fork", "forkpty", "setsid", "getuid",
        "geteuid", "getgid", "getegid", "setuid", "setgid", "getpgid", "setpgrp", "killpg",
        "statvfs", "mkfifo", "chown", "fchown", "lchown", "getloadavg", "pipe2", "nice",
        "posix_fadvise", "sync", "startfile", "O_NOFOLLOW", "O_DIRECTORY", "O_BINARY",
        "uname", "wait3", "wait4", "WNOHANG",
    },
    "signal": {
        "SIGHUP", "SIGKILL", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGCHLD", "SIGPIPE",
        "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGWINCH", "alarm", "pause", "setitimer",
        "siginterrupt", "pthread_kill", "pthread_sigmask", "sigwait", "CTRL_C_EVENT",
        "CTRL_BREAK_EVENT",
    },
    "time": {"tzset", "clock_settime"},
}  # fmt: skip
# methods of any object that some systems lack (asyncio's Windows loop has no signals)
ONE_SYSTEM_METHODS = {"add_signal_handler", "remove_signal_handler"}
GUARD_EXCEPTIONS = {
    "AttributeError", "ImportError", "ModuleNotFoundError", "NotImplementedError", "OSError",
}  # fmt: skip

# "file:name" → why the use is safe although no guard is seen around it
ALLOWED: dict[str, str] = {
    "runtime.py:remove_signal_handler": (
        "called only for the signals add_signal_handler installed (under suppress)"
    ),
}


PLATFORM_PROBES = {("sys", "platform"), ("os", "name"), ("platform", "system")}


def _asks_the_system(test: ast.expr) -> bool:
    """True for an ``if`` test that looks at the platform or probes with hasattr."""
    for node in ast.walk(test):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and (node.value.id, node.attr) in PLATFORM_PROBES
        ):
            return True
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "hasattr"
        ):
            return True
    return False


def _names(node: ast.expr | None) -> set[str]:
    if node is None:
        return set()
    return {
        n.id if isinstance(n, ast.Name) else n.attr
        for n in ast.walk(node)
        if isinstance(n, ast.Name | ast.Attribute)
    }


def _catches(handlers: list[ast.ExceptHandler]) -> bool:
    return any(h.type is None or _names(h.type) & GUARD_EXCEPTIONS for h in handlers)


def _suppresses(item: ast.withitem) -> bool:
    call = item.context_expr
    return (
        isinstance(call, ast.Call)
        and "suppress" in _names(call.func)
        and any(_names(arg) & GUARD_EXCEPTIONS for arg in call.args)
    )


def _ends_early(body: list[ast.stmt]) -> bool:
    return bool(body) and isinstance(body[-1], ast.Return | ast.Raise)


def _use(node: ast.AST) -> str | None:
    """The one-system name ``node`` uses, if any."""
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.name.split(".")[0] in ONE_SYSTEM_MODULES:
                return alias.name
    if (
        isinstance(node, ast.ImportFrom)
        and node.module
        and node.module.split(".")[0] in ONE_SYSTEM_MODULES
    ):
        return node.module
    if isinstance(node, ast.Attribute):
        owner = node.value.id if isinstance(node.value, ast.Name) else ""
        if node.attr in ONE_SYSTEM_ATTRIBUTES.get(owner, set()):
            return f"{owner}.{node.attr}"
        if node.attr in ONE_SYSTEM_METHODS:
            return node.attr
    return None


def unguarded_uses(source: str, name: str = "<source>") -> list[str]:
    """``file:line: name`` for each one-system use in ``source`` that no guard covers."""
    found: list[str] = []

    def visit(node: ast.AST, guarded: bool) -> None:
        if not guarded:
            use = _use(node)
            if use is not None and f"{name}:{use.split('.')[-1]}" not in ALLOWED:
                found.append(f"{name}:{getattr(node, 'lineno', 0)}: {use}")
        if isinstance(node, ast.If) and _asks_the_system(node.test):
            visit(node.test, guarded)
            for child in [*node.body, *node.orelse]:
                visit(child, True)
            return
        if isinstance(node, ast.Try) and _catches(node.handlers):
            for child in node.body:
                visit(child, True)
            for child in [*node.handlers, *node.orelse, *node.finalbody]:
                visit(child, guarded)
            return
        if isinstance(node, ast.With | ast.AsyncWith) and any(map(_suppresses, node.items)):
            for item in node.items:
                visit(item, guarded)
            for child in node.body:
                visit(child, True)
            return
        for _field, value in ast.iter_fields(node):
            if isinstance(value, list) and value and isinstance(value[0], ast.stmt):
                visit_block(value, guarded)
            elif isinstance(value, list):
                for child in value:
                    if isinstance(child, ast.AST):
                        visit(child, guarded)
            elif isinstance(value, ast.AST):
                visit(value, guarded)

    def visit_block(body: list[ast.stmt], guarded: bool) -> None:
        for statement in body:
            visit(statement, guarded)
            if (
                isinstance(statement, ast.If)
                and _asks_the_system(statement.test)
                and _ends_early(statement.body)
                and not statement.orelse
            ):
                guarded = True  # the rest of the block runs only where the probe passed

    visit(ast.parse(source), False)
    return found


def test_every_one_system_call_in_the_program_is_guarded() -> None:
    found: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = str(path.relative_to(PACKAGE))
        found += unguarded_uses(path.read_text(encoding="utf-8"), name)
    assert found == []


def test_an_unguarded_call_is_found() -> None:
    source = (
        "import fcntl\n"
        "import os, signal\n"
        "def pin():\n"
        "    os.sched_setaffinity(0, {1})\n"
        "def stop(loop):\n"
        "    loop.add_signal_handler(signal.SIGHUP, print)\n"
    )
    assert unguarded_uses(source, "probe.py") == [
        "probe.py:1: fcntl",
        "probe.py:4: os.sched_setaffinity",
        "probe.py:6: add_signal_handler",
        "probe.py:6: signal.SIGHUP",
    ]


def test_guards_are_recognised() -> None:
    source = (
        "import contextlib, os, sys\n"
        "try:\n"
        "    import fcntl\n"
        "except ImportError:\n"
        "    fcntl = None\n"
        "def pin():\n"
        "    if not hasattr(os, 'sched_setaffinity'):\n"
        "        raise ValueError('no')\n"
        "    os.sched_setaffinity(0, {1})\n"
        "def stop(loop):\n"
        "    with contextlib.suppress(NotImplementedError):\n"
        "        loop.add_signal_handler(2, print)\n"
        "    if sys.platform == 'win32':\n"
        "        os.startfile('x')\n"
    )
    assert unguarded_uses(source, "probe.py") == []


def test_a_guard_in_one_function_does_not_cover_the_next() -> None:
    source = (
        "import os\n"
        "def a():\n"
        "    if not hasattr(os, 'getuid'):\n"
        "        return 0\n"
        "    return os.getuid()\n"
        "def b():\n"
        "    return os.getuid()\n"
    )
    assert unguarded_uses(source, "probe.py") == ["probe.py:7: os.getuid"]
