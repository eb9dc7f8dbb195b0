#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Kill test: nothing is lost, and nothing is half written, when the
program is killed.

    test-kill.py BACKCHANNEL SOURCE_ROOT [BUILD_ROOT]

Runs the built backchannel three times on a copy of the Oslo case, in a
virtual display with a private session bus, home and settings, driving
it through AT-SPI as a user would:

1. adds an event from the primary menu, waits for the autosave to hold
   it, and kills the program with SIGKILL: the case file is byte for
   byte what it was;
2. starts again, which offers to recover the case; recovers it (the
   window shows unsaved changes), saves with BACKCHANNEL_TEST_SAVE_PAUSE
   set, so that the writer stops between writing its temporary file and
   renaming it over the case, and kills it there: the case file is still
   byte for byte what it was;
3. starts again, recovers again, saves, and checks that the file now
   holds the event, is a case that reads, and that the recovery entry is
   gone; closes the window and expects a clean exit.

Exits 77 (skipped) when xvfb-run, dbus-run-session or pyatspi are missing.
Run it with the system /usr/bin/python3, which has pyatspi.
"""

import glob
import os
import re
import shutil
import signal
import subprocess
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bcdriver as d  # noqa: E402

NEW_EVENT_ID = "event-1"
PAUSE_MARK = "BACKCHANNEL_TEST_SAVE_PAUSE: wrote"

program = None


def step(msg):
    d.log("# " + msg)


def plain(name):
    """A name without mnemonic underscores. GTK 4.8 names a button with a
    mnemonic label "_Label Label": compare the start."""
    return name.replace("_", "")


def with_e2e_suppressions(options, tmp):
    """LSAN_OPTIONS with this folder's lsan.supp added, as test-e2e.py does."""
    if not options or "suppressions=" not in options:
        return None
    parts = options.split(":")
    for i, part in enumerate(parts):
        if part.startswith("suppressions="):
            path = part[len("suppressions="):].strip("'\"")
            combined = os.path.join(tmp, "lsan.supp")
            with open(combined, "w") as out:
                for source in (path, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lsan.supp")):
                    with open(source) as f:
                        out.write(f.read() + "\n")
            parts[i] = "suppressions=" + combined
    return ":".join(parts)


def start(exe, args, env, log):
    global program
    program = d.Program(exe, args, env, log)
    return d.find_application(program)


def kill():
    step(f"SIGKILL the program (pid {program.proc.pid})")
    program.proc.send_signal(signal.SIGKILL)
    program.proc.wait()
    program.stop()


def case_window(app, title, unsaved=False):
    want = ("• " if unsaved else "") + title
    return d.wait_for(f"a window titled {want!r}",
                      lambda: next((w for w in d.windows(app) if d.name(w) == want), None),
                      program=program)


def menu_item(app, win, label, blocks=False):
    """Presses an item of the primary menu. With @blocks, the item's
    handler does not return (the paused save), so the press waits for no
    reply: AT-SPI would otherwise wait its full call timeout."""
    step(f"primary menu: {label}")
    menu = d.wait_for("the Main menu button",
                      lambda: next((b for b in d.find_all(win, role_name="push button", name_is="Main menu")
                                    if "click" in d.actions(b)), None),
                      program=program)
    d.press(menu)
    item = d.wait_for(f"the menu item {label!r}",
                      lambda: next((m for m in d.find_all(app, role_name="menu item", visible=True)
                                    if plain(d.name(m)) == label), None),
                      program=program)
    if not blocks:
        d.press(item)
        return
    from gi.repository import Atspi
    Atspi.set_timeout(2000, 2000)
    try:
        d.press(item)
    except Exception as e:
        step(f"no reply to the press, as expected while the save is paused ({e.__class__.__name__})")
    finally:
        Atspi.set_timeout(d.ATSPI_CALL_TIMEOUT_MS, d.ATSPI_CALL_TIMEOUT_MS)


def recovery_entries(data_home):
    return sorted(glob.glob(os.path.join(data_home, "backchannel", "recovery", "*.recovery")))


def autosaved_with_event(data_home):
    for sidecar in recovery_entries(data_home):
        case = sidecar[:-len(".recovery")] + ".bcase"
        try:
            if f'id="{NEW_EVENT_ID}"' in open(case, encoding="utf-8").read():
                return case
        except OSError:
            pass
    return None


def recover_all(app):
    step("the recovery offer: press Recover All")
    button = d.wait_for("a Recover All button",
                        lambda: next((b for b in d.find_all(app, role_name="push button", visible=True)
                                      if plain(d.name(b)).startswith("Recover All")), None),
                        program=program)
    dialog = next((a for a in d.ancestors(button) if a in d.windows(app)), None)
    if dialog is not None:
        text = " ".join(d.name(n) for n in d.find_all(dialog, role_name="label"))
        step(f"the offer reads: {text[:200]!r}")
    d.press(button)


def same_bytes(path, before, what):
    with open(path, "rb") as f:
        now = f.read()
    if now != before:
        raise d.Failure(f"{what}: {path} changed ({len(before)} bytes before, {len(now)} now)")
    step(f"{what}: the case file is byte for byte what it was")


def event_ids(path):
    root = ET.parse(path).getroot()
    return {el.get("id") for el in root.iter() if el.tag.split("}")[-1] == "event"}


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    exe = os.path.abspath(argv[0])
    if d.slow_build(exe):
        d.scale_timeouts(4)
        step("a sanitizer build: every time limit is four times longer")
    src = os.path.abspath(argv[1])
    build = os.path.abspath(argv[2]) if len(argv) > 2 else None
    cases = os.path.join(src, "data", "cases")
    oslo = os.path.join(cases, "oslo.bcase")
    title = d.case_title(oslo)

    tmp = d.new_tmpdir("bc-kill.")
    work = os.path.join(tmp, "work")
    os.makedirs(work)
    case = os.path.join(work, "oslo.bcase")
    shutil.copyfile(oslo, case)
    with open(case, "rb") as f:
        before = f.read()

    env = d.private_env(tmp, cases, build)
    lsan = with_e2e_suppressions(env.get("LSAN_OPTIONS"), tmp)
    if lsan is not None:
        env["LSAN_OPTIONS"] = lsan
    data_home = env["XDG_DATA_HOME"]
    logs = []

    try:
        # 1. An edit, its autosave, and a kill.
        log = os.path.join(tmp, "run1.log")
        logs.append(log)
        app = start(exe, [case], env, log)
        win = case_window(app, title)
        step("the case is open")
        menu_item(app, win, "New Event")
        win = case_window(app, title, unsaved=True)
        step("the title shows unsaved changes")
        autosave = d.wait_for("the autosave to hold the new event", lambda: autosaved_with_event(data_home),
                              program=program)
        step(f"autosaved in {os.path.relpath(autosave, tmp)}")
        kill()
        same_bytes(case, before, "killed after an autosave")
        if not autosaved_with_event(data_home):
            raise d.Failure("the recovery entry went with the program")

        # 2. Recover, then a kill in the middle of a save.
        log = os.path.join(tmp, "run2.log")
        logs.append(log)
        paused_env = dict(env, BACKCHANNEL_TEST_SAVE_PAUSE="600")
        app = start(exe, [], paused_env, log)
        recover_all(app)
        win = case_window(app, title, unsaved=True)
        step("recovered: the window shows unsaved changes")
        same_bytes(case, before, "recovered, not saved")
        menu_item(app, win, "Save", blocks=True)
        d.wait_for("the writer to pause before its rename", lambda: PAUSE_MARK in program.output(),
                   program=program)
        temp = re.search(PAUSE_MARK + r" ([^,\s]+)", program.output()).group(1)
        step(f"the writer paused with {os.path.basename(temp)} written")
        kill()
        same_bytes(case, before, "killed in the middle of a save")
        ET.parse(case)
        leftovers = [p for p in os.listdir(work) if p != "oslo.bcase"]
        step(f"beside it: {leftovers} (the unrenamed temporary file, which replaced nothing)")
        if not autosaved_with_event(data_home):
            raise d.Failure("the recovery entry went with the interrupted save")

        # 3. Recover again and save for real.
        log = os.path.join(tmp, "run3.log")
        logs.append(log)
        app = start(exe, [], env, log)
        recover_all(app)
        win = case_window(app, title, unsaved=True)
        menu_item(app, win, "Save")
        d.wait_for("the save to reach the file", lambda: open(case, "rb").read() != before, program=program)
        win = case_window(app, title)
        step("saved: the title shows no unsaved changes")
        ids = event_ids(case)
        if NEW_EVENT_ID not in ids:
            raise d.Failure(f"the saved file has no event {NEW_EVENT_ID!r}")
        if event_ids(oslo) | {NEW_EVENT_ID} != ids:
            raise d.Failure("the saved file's events are not the original's and the new one")
        step(f"the file holds the recovered event {NEW_EVENT_ID!r} and every event it had")
        d.wait_for("the recovery entry to be removed", lambda: not recovery_entries(data_home), program=program)
        step("the recovery entry is gone")
        r = subprocess.run([exe, "--validate", case], capture_output=True, text=True)
        if r.returncode != 0:
            raise d.Failure(f"backchannel --validate refuses the saved file: {r.stdout}{r.stderr}")
        step("backchannel --validate accepts the saved file")

        close = d.find(win, role_name="push button", name_is="Close")
        if close is None:
            raise d.Failure("the window has no Close button")
        d.press(close)
        try:
            code = program.proc.wait(d.TIMEOUT)
        except subprocess.TimeoutExpired:
            raise d.Failure("the program still runs after its last window was closed")
        if code != 0:
            raise d.Failure(f"the program exited with status {code}")
    except d.Failure as e:
        d.log(f"FAIL: {e}")
        try:
            desktop = d._pyatspi().Registry.getDesktop(0)
            for a in d.children(desktop):
                d.log("--- accessible tree ---\n" + "\n".join(d.dump(a)))
        except Exception:
            pass
        for log in logs:
            try:
                d.log(f"--- {os.path.basename(log)} ---\n" + open(log, errors="replace").read())
            except OSError:
                pass
        d.log(f"(its files are kept in {tmp})")
        return 1
    finally:
        if program is not None:
            program.stop()

    for log in logs:
        criticals = [l for l in open(log, errors="replace").read().splitlines()
                     if re.search(r"-(CRITICAL|WARNING) \*\*", l)]
        if criticals:
            d.log(f"FAIL: the program logged warnings ({os.path.basename(log)}):\n" + "\n".join(criticals))
            return 1
    shutil.rmtree(tmp, ignore_errors=True)
    d.log("PASS")
    return 0


if __name__ == "__main__":
    if not d.in_session():
        sys.exit(d.rerun_in_session([os.path.abspath(__file__)] + sys.argv[1:]))
    sys.exit(main(sys.argv[1:]))
