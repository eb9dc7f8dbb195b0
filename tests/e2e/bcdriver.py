# SPDX-License-Identifier: GPL-3.0-or-later
"""Drives the real Backchannel window through AT-SPI, as a user would.

Shared by test-e2e.py and take-screenshots.py. Everything here waits by
polling up to a generous limit and then fails with a message that says
what it was waiting for; nothing sleeps a fixed time and hopes.

The programs re-run themselves inside a private display and session bus:

    xvfb-run -a -s "-screen 0 1280x800x24 -noreset" dbus-run-session -- python3 PROG

in that order, so that the accessibility registry, which the session bus
starts on demand, inherits DISPLAY and can synthesise pointer events with
XTest. (With dbus-run-session outside, the registry has no display and a
synthesised click silently goes nowhere.)
"""

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

SKIP = 77
SCREEN = "1280x800x24"
SESSION_MARK = "BC_E2E_IN_SESSION"
# Generous: a loaded CI machine under Xvfb is slow, and a limit only
# matters when something is broken.
TIMEOUT = float(os.environ.get("BC_E2E_TIMEOUT", "60"))
# How long one AT-SPI call may wait for the program's reply: pressing a
# button runs its handler before the reply, and a sanitizer build is slow.
ATSPI_CALL_TIMEOUT_MS = 120000


def slow_build(exe):
    """Whether @exe is built with AddressSanitizer, which makes everything
    several times slower."""
    try:
        with open(exe, "rb") as f:
            return b"AddressSanitizer" in f.read()
    except OSError:
        return False


def scale_timeouts(factor):
    global TIMEOUT
    TIMEOUT *= factor


class Failure(Exception):
    pass


def log(msg):
    print(msg, flush=True)


# Session ---------------------------------------------------------------

def missing_tools():
    missing = [t for t in ("xvfb-run", "dbus-run-session") if shutil.which(t) is None]
    try:
        import pyatspi  # noqa: F401
    except ImportError:
        missing.append("pyatspi (Debian: python3-pyatspi, at-spi2-core)")
    return missing


def in_session():
    return os.environ.get(SESSION_MARK) == "1"


def rerun_in_session(argv):
    """Runs this program again under Xvfb and a private session bus and
    returns its exit status, or SKIP when the tools are missing."""
    missing = missing_tools()
    if missing:
        log("SKIP: missing " + ", ".join(missing))
        return SKIP
    env = dict(os.environ)
    env[SESSION_MARK] = "1"
    # Nothing of the caller's session may leak in.
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "AT_SPI_BUS_ADDRESS",
                "NO_AT_BRIDGE", "GTK_A11Y", "XDG_RUNTIME_DIR"):
        env.pop(var, None)
    # The accessibility bus puts its socket in XDG_RUNTIME_DIR, else in
    # ~/.cache: give it a folder of its own.
    runtime = tempfile.mkdtemp(prefix="bc-session.")
    env["XDG_RUNTIME_DIR"] = runtime
    # xvfb-run -a takes the first free display from -n on; starting at a
    # random number keeps it from racing the widget tests, which run in
    # parallel and start at 99.
    # -noreset: otherwise the X server resets when its last client leaves,
    # and a client that connects during the reset (the program, just after
    # the accessibility bus launcher has set its root window property and
    # gone) is told "cannot open display".
    cmd = ["xvfb-run", "-a", "-n", str(random.randint(200, 3000)), "-s", f"-screen 0 {SCREEN} -noreset",
           "dbus-run-session", "--", sys.executable] + argv
    try:
        return subprocess.call(cmd, env=env)
    finally:
        shutil.rmtree(runtime, ignore_errors=True)


# Processes -------------------------------------------------------------

def case_title(path):
    """The <title> of a case file, read the way any XML reader would."""
    root = ET.parse(path).getroot()
    for child in root:
        if child.tag.split("}")[-1] == "title":
            return (child.text or "").strip()
    raise Failure(f"{path} has no title")


def private_env(tmp, cases_dir, build_root=None, extra=None):
    """The environment of the program under test: its own home and XDG
    folders, settings in memory, the bundled cases of the source tree."""
    env = dict(os.environ)
    for var in ("NO_AT_BRIDGE", "G_MESSAGES_DEBUG"):
        env.pop(var, None)
    home = os.path.join(tmp, "home")
    runtime = os.path.join(tmp, "runtime")
    for d in (home, runtime):
        os.makedirs(d, exist_ok=True)
    os.chmod(runtime, 0o700)
    env.update({
        "HOME": home,
        "XDG_CONFIG_HOME": os.path.join(home, ".config"),
        "XDG_DATA_HOME": os.path.join(home, ".local", "share"),
        "XDG_CACHE_HOME": os.path.join(home, ".cache"),
        "XDG_STATE_HOME": os.path.join(home, ".local", "state"),
        "XDG_RUNTIME_DIR": runtime,
        "GTK_A11Y": "atspi",
        "GSK_RENDERER": "cairo",
        "GSETTINGS_BACKEND": "memory",
        "BACKCHANNEL_CASES_DIR": cases_dir,
        "LC_ALL": "C.UTF-8",
        "LANGUAGE": "",
        # No portal runs in the private bus; GTK's own dialogs are used.
        "GTK_USE_PORTAL": "0",
        "GDK_BACKEND": "x11",
    })
    if build_root:
        schemas = os.path.join(build_root, "data")
        if os.path.exists(os.path.join(schemas, "gschemas.compiled")):
            env["GSETTINGS_SCHEMA_DIR"] = schemas
    if extra:
        env.update(extra)
    return env


class Program:
    """The real backchannel executable, its output kept in a log."""

    def __init__(self, exe, args, env, logpath):
        self.logpath = logpath
        self.logfile = open(logpath, "wb")
        self.proc = subprocess.Popen([exe] + list(args), env=env, stdin=subprocess.DEVNULL,
                                     stdout=self.logfile, stderr=subprocess.STDOUT)

    def check_alive(self):
        code = self.proc.poll()
        if code is not None:
            raise Failure(f"backchannel exited with status {code}\n--- its output ---\n{self.output()}")

    def output(self):
        if not self.logfile.closed:
            self.logfile.flush()
        with open(self.logpath, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.logfile.close()


# Waiting ---------------------------------------------------------------

def wait_for(what, fn, timeout=None, program=None):
    """Calls fn until it returns something true and returns that; AT-SPI
    errors while the tree changes count as "not yet"."""
    timeout = timeout or TIMEOUT
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        if program is not None:
            program.check_alive()
        try:
            result = fn()
            if result:
                return result
        except Failure:
            raise
        except Exception as e:  # the tree changes under our feet
            last_error = e
        if time.monotonic() > deadline:
            msg = f"timed out after {timeout:.0f} s waiting for {what}"
            if last_error is not None:
                msg += f" (last error: {last_error!r})"
            raise Failure(msg)
        time.sleep(0.1)


# The accessible tree -----------------------------------------------------

_atspi_ready = False


def _pyatspi():
    global _atspi_ready
    import pyatspi
    if not _atspi_ready:
        from gi.repository import Atspi
        Atspi.set_timeout(ATSPI_CALL_TIMEOUT_MS, ATSPI_CALL_TIMEOUT_MS)
        _atspi_ready = True
    return pyatspi


def children(node):
    try:
        n = node.childCount
    except Exception:
        return []
    out = []
    for i in range(n):
        try:
            c = node.getChildAtIndex(i)
        except Exception:
            continue
        if c is not None:
            out.append(c)
    return out


def walk(node, depth=0, max_depth=60):
    yield node
    if depth < max_depth:
        for c in children(node):
            yield from walk(c, depth + 1, max_depth)


def role(node):
    try:
        return node.getRoleName()
    except Exception:
        return ""


def name(node):
    try:
        return node.name or ""
    except Exception:
        return ""


def showing(node):
    """Whether @node is on screen. GTK 4.8 sets SHOWING on windows only, and
    VISIBLE on every visible widget, even one in a hidden stack page: a
    widget is on screen when it is VISIBLE and has an area."""
    pyatspi = _pyatspi()
    try:
        states = node.getState()
        if states.contains(pyatspi.STATE_SHOWING):
            return True
        if not states.contains(pyatspi.STATE_VISIBLE):
            return False
        x, y, w, h = extents(node)
        return w > 0 and h > 0
    except Exception:
        return False


def find_all(root, role_name=None, name_is=None, name_re=None, visible=False):
    out = []
    for n in walk(root):
        if role_name is not None and role(n) != role_name:
            continue
        if name_is is not None and name(n) != name_is:
            continue
        if name_re is not None and not re.search(name_re, name(n)):
            continue
        if visible and not showing(n):
            continue
        out.append(n)
    return out


def find(root, **kw):
    found = find_all(root, **kw)
    return found[0] if found else None


def ancestors(node):
    out = []
    try:
        p = node.parent
        while p is not None and len(out) < 100:
            out.append(p)
            p = p.parent
    except Exception:
        pass
    return out


def find_application(program, app_name="backchannel"):
    """The program's accessible application, matched by process id."""
    pyatspi = _pyatspi()

    def look():
        desktop = pyatspi.Registry.getDesktop(0)
        for app in children(desktop):
            try:
                if app.get_process_id() == program.proc.pid and app.childCount > 0:
                    return app
            except Exception:
                if name(app) == app_name and app.childCount > 0:
                    return app
        return None

    return wait_for("the application on the accessibility bus", look, program=program)


def windows(app):
    """The application's toplevels. GTK 4.8 gives its file chooser dialog
    the role "filler", so any child of the application counts."""
    return children(app)


def main_window(app):
    for w in windows(app):
        if role(w) == "frame":
            return w
    return None


def actions(node):
    try:
        a = node.queryAction()
        return [a.getName(i) for i in range(a.nActions)]
    except Exception:
        return []


def press(node):
    """Presses a button the way a screen reader does: its first action.
    The caller then waits for the effect; a reply that comes too late is
    not a failure of the press."""
    _pyatspi()
    a = node.queryAction()
    if a.nActions < 1:
        raise Failure(f"{role(node)} {name(node)!r} has no action to press")
    try:
        done = a.doAction(0)
    except Exception as e:
        if "Did not receive a reply" not in str(e):
            raise
        log(f"# no reply in time to pressing {name(node)!r}; waiting for its effect")
        return
    if not done:
        raise Failure(f"{role(node)} {name(node)!r} refused its action {a.getName(0)!r}")


def extents(node):
    pyatspi = _pyatspi()
    e = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    return e.x, e.y, e.width, e.height


def x_window(title):
    """The X window titled @title: (id, x, y, width, height), or None.
    GTK also names its 1x1 client leader window after the application,
    so take the largest."""
    try:
        out = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, text=True,
                             timeout=10).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    best = None
    for m in re.finditer(r'^\s*(0x[0-9a-f]+) "(.*)": \(.*\)\s+(\d+)x(\d+)\+-?\d+\+-?\d+\s+\+(-?\d+)\+(-?\d+)',
                         out, re.M):
        wid, wname, w, h, x, y = m.groups()
        if wname == title and (best is None or int(w) * int(h) > best[3] * best[4]):
            best = (wid, int(x), int(y), int(w), int(h))
    return best


def window_origin(title):
    """Where the window titled @title sits on the screen. GTK 4 reports
    window-relative coordinates only; without a window manager the window
    is usually at 0,0, but ask the X server rather than assume."""
    win = x_window(title)
    return (win[1], win[2]) if win else (0, 0)


def click(node, window_title=None):
    """A left click in the middle of @node, with the real pointer (XTest,
    through the accessibility registry)."""
    pyatspi = _pyatspi()
    x, y, w, h = extents(node)
    if w <= 0 or h <= 0:
        raise Failure(f"{role(node)} {name(node)!r} has no size on screen")
    ox, oy = window_origin(window_title) if window_title else (0, 0)
    cx, cy = ox + x + w // 2, oy + y + h // 2
    pyatspi.Registry.generateMouseEvent(cx, cy, pyatspi.MOUSE_ABS)
    time.sleep(0.05)  # a motion first, so GTK knows where the pointer is
    pyatspi.Registry.generateMouseEvent(cx, cy, pyatspi.MOUSE_B1C)


def park_pointer():
    """Moves the pointer to the bottom-right corner of the screen."""
    pyatspi = _pyatspi()
    w, h = (int(v) for v in SCREEN.split("x")[:2])
    pyatspi.Registry.generateMouseEvent(w - 1, h - 1, pyatspi.MOUSE_ABS)


def set_text(node, text):
    node.queryEditableText().setTextContents(text)


def text_of(node):
    try:
        t = node.queryText()
        return t.getText(0, t.characterCount)
    except Exception:
        return name(node)


def dump(node, depth=0, max_depth=40, out=None):
    """The accessible tree as text, for failure messages."""
    out = out if out is not None else []
    if depth > max_depth or len(out) > 2000:
        return out
    acts = actions(node)
    out.append("  " * depth + f"[{role(node)}] {name(node)[:70]!r}" +
               (f" {acts[:3]}" if acts and role(node) != "label" else "") +
               ("" if showing(node) else " (hidden)"))
    for c in children(node):
        dump(c, depth + 1, max_depth, out)
    return out


def screenshot(path, window_title=None):
    """The whole virtual screen, or one X window by its title."""
    target = "root"
    if window_title:
        win = x_window(window_title)
        if win is None:
            raise Failure(f"no X window titled {window_title!r}")
        target = win[0]
    subprocess.run(["import", "-window", target, path], check=True, capture_output=True)


def new_tmpdir(prefix):
    return tempfile.mkdtemp(prefix=prefix)
