#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end: the real program, driven through AT-SPI as a user would.

    test-e2e.py BACKCHANNEL SOURCE_ROOT [BUILD_ROOT]

Starts the built backchannel in a virtual display with a private session
bus, home and settings, then: opens the Oslo case from the welcome page
with a pointer click, selects an event in the outline, checks that the
inspector shows that event's title, exports an SVG through the export
dialog, and checks the file on disk. Closes the window and expects the
program to exit cleanly, without a critical warning on the way.

Exits 77 (skipped) when xvfb-run, dbus-run-session or pyatspi are missing.
Run it with the system /usr/bin/python3, which has pyatspi.
"""

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bcdriver as d  # noqa: E402

# The outline row to select: any visible one will do; the third, so that
# it is not a first row that a list might select by itself.
EVENT_ROW = 2


def step(msg):
    d.log("# " + msg)


def event_titles(case_path):
    root = ET.parse(case_path).getroot()
    titles = set()
    for el in root.iter():
        if el.tag.split("}")[-1] == "event":
            for child in el:
                if child.tag.split("}")[-1] == "title":
                    titles.add((child.text or "").strip())
    return titles


def open_from_welcome(app, title):
    step(f"welcome page: click the row of {title!r}")
    win = d.wait_for("the welcome window", lambda: d.main_window(app))
    cases = d.wait_for("the list of historical cases",
                       lambda: d.find(win, role_name="list", name_is="Historical cases", visible=True))

    def row():
        r = d.find(cases, role_name="list item", name_is=title)
        return r if r is not None and d.extents(r)[2] > 0 else None

    r = d.wait_for(f"the welcome row {title!r}", row)
    window_title = d.name(win)
    d.click(r, window_title)
    return d.wait_for(f"the window to show {title!r}",
                      lambda: next((w for w in d.windows(app) if d.name(w) == title), None),
                      program=program)


def select_event(app, win, titles):
    step("outline: select an event")
    if d.find(win, role_name="list", name_is="Events", visible=True) is None:
        tab = d.wait_for("the Events tab of the outline",
                         lambda: d.find(win, role_name="page tab", name_is="Events", visible=True),
                         program=program)
        d.press(tab)

    def rows():
        lst = d.find(win, role_name="list", name_is="Events", visible=True)
        if lst is None:
            return None
        items = [c for c in d.children(lst) if d.role(c) == "list item"]
        return (lst, items) if len(items) > EVENT_ROW else None

    lst, items = d.wait_for("the events of the outline", rows, program=program)
    item = items[EVENT_ROW]
    title = d.name(item) or next((d.name(c) for c in d.walk(item) if d.name(c)), "")
    if title not in titles:
        raise d.Failure(f"outline row {EVENT_ROW} is named {title!r}, which is no event of the case")
    step(f"outline: select {title!r}")
    index = item.getIndexInParent()
    try:
        ok = lst.querySelection().selectChild(index)
    except Exception as e:
        ok = False
        step(f"the outline list refused a selection through AT-SPI ({e}); clicking the row")
    if not ok:
        d.click(item, d.name(win))
    return title


def inspector_shows(win, title):
    step(f"inspector: wait for a label {title!r}")

    def label():
        for lab in d.find_all(win, role_name="label", visible=True):
            if d.text_of(lab) == title and any(d.name(a) == "Inspector" for a in d.ancestors(lab)):
                return lab
        return None

    d.wait_for(f"the inspector to show the title {title!r}", label, program=program)


# Export ------------------------------------------------------------------

def export_svg(app, win, path):
    """Exports through the dialog the primary menu opens. Returns None, or
    a sentence saying what in the interface stopped it."""
    step("export: open the primary menu")
    menu = next((b for b in d.find_all(win, role_name="push button", name_is="Main menu")
                 if "click" in d.actions(b)), None)
    if menu is None:
        return "the window has no button named 'Main menu'"
    d.press(menu)
    try:
        item = d.wait_for("an Export item in the primary menu",
                          lambda: d.find(app, role_name="menu item", name_re=r"(?i)^_?export", visible=True),
                          program=program)
    except d.Failure:
        items = [d.name(m) for m in d.find_all(app, role_name="menu item", visible=True)]
        return f"the primary menu has no Export item (it shows {items})"
    step(f"export: press the menu item {d.name(item)!r}")
    d.press(item)

    dialog = d.wait_for("the export dialog",
                        lambda: next((w for w in d.windows(app) if w != win and d.role(w) == "frame" and
                                      re.search(r"(?i)export", d.name(w))), None),
                        program=program)
    step(f"export: dialog {d.name(dialog)!r}")
    return drive_export_dialog(app, win, dialog, path)


def combo_value(combo):
    """The text an AdwComboRow shows as its current choice."""
    for lst in d.find_all(combo, role_name="list"):
        for lab in d.find_all(lst, role_name="label", visible=True):
            return d.text_of(lab)
    return None


def choose_in_combo(app, dialog, combo, wanted_re):
    """Opens a combo row with a click and picks the item matching
    @wanted_re in its popover list."""
    d.click(combo, d.name(dialog))

    def item():
        for lst in d.find_all(app, role_name="list", visible=True):
            if any(a == combo for a in d.ancestors(lst)) and len(d.children(lst)) < 2:
                continue  # the row's own display of its current choice
            for it in d.children(lst):
                labels = [d.text_of(l) for l in d.find_all(it, role_name="label")]
                if any(re.search(wanted_re, t) for t in labels):
                    return lst, it
        return None

    lst, it = d.wait_for(f"an item matching {wanted_re!r} in the {d.name(combo)!r} popover", item,
                         program=program)
    lst.querySelection().selectChild(it.getIndexInParent())


def editable(node):
    return d.role(node) in ("entry", "text") and "EditableText" in iface_names(node)


def drive_export_dialog(app, win, dialog, path):
    # The format: an AdwComboRow named Format whose items name SVG.
    combo = d.wait_for("the Format row of the export dialog",
                       lambda: d.find(dialog, role_name="combo box", name_re=r"(?i)format", visible=True),
                       program=program)
    if not re.search(r"\bSVG\b", combo_value(combo) or ""):
        step(f"export: the format is {combo_value(combo)!r}; choose SVG")
        choose_in_combo(app, dialog, combo, r"\bSVG\b")
        d.wait_for("the Format row to show SVG", lambda: re.search(r"\bSVG\b", combo_value(combo) or ""),
                   program=program)
    step(f"export: format {combo_value(combo)!r}")

    # The dialog's own button asks for a file name in a file chooser.
    save = d.find(dialog, role_name="push button", name_re=r"(?i)^_?(save|export)", visible=True)
    if save is None:
        return "the export dialog has no Save or Export button:\n" + "\n".join(d.dump(dialog))
    before = set(id(w) for w in d.windows(app))
    d.press(save)
    step(f"export: pressed {d.name(save)!r}")

    def chooser():
        for w in d.windows(app):
            if w in (win, dialog):
                continue
            entry = next((e for e in d.find_all(w, visible=True) if editable(e)), None)
            if entry is not None and d.find(w, role_name="push button", name_re=r"(?i)^_?save", visible=True):
                return w, entry
        return None

    try:
        fc, entry = d.wait_for("a file chooser with a name entry and a Save button", chooser, program=program)
    except d.Failure as e:
        return f"{e}; the application's windows are {[(d.role(w), d.name(w)) for w in d.windows(app)]}"
    step(f"export: file chooser {d.name(fc)!r} proposes {d.text_of(entry)!r}")
    # An absolute path in the name entry chooses the folder too.
    d.set_text(entry, path)
    d.wait_for("the name entry to hold the path", lambda: d.text_of(entry) == path, program=program)
    ok = d.find(fc, role_name="push button", name_re=r"(?i)^_?save", visible=True)
    d.press(ok)
    step(f"export: typed {path} and pressed {d.name(ok)!r}")
    return None


def iface_names(node):
    try:
        return node.get_interfaces()
    except Exception:
        return []


def check_svg(path, case_path, exe, title):
    step(f"file: {path}")
    d.wait_for(f"{path} to be written", lambda: os.path.exists(path) and os.path.getsize(path) > 0,
               program=program)
    # Written in one replacement, but give a slow disk a moment to finish.
    d.wait_for(f"{path} to end with </svg>", lambda: open(path, "rb").read().rstrip().endswith(b"</svg>"))
    data = open(path, "rb").read()
    if shutil.which("xmllint"):
        r = subprocess.run(["xmllint", "--noout", path], capture_output=True, text=True)
        if r.returncode != 0:
            raise d.Failure(f"xmllint --noout refuses {path}: {r.stderr}")
        step("file: xmllint --noout accepts it")
    else:
        ET.fromstring(data)
        step("file: parses (xmllint not installed)")

    text = ET.fromstring(data)
    words = " ".join(t.strip() for t in text.itertext() if t.strip())
    if title in words:
        step("file: contains the case title as text")
        return
    # cairo draws text as glyph outlines: the title is in the picture but
    # not in the markup. Then the dialog must have drawn the same picture
    # as the command line, whose export has the title at its top.
    with_title = os.path.join(os.path.dirname(path), "cli.svg")
    r = subprocess.run([exe, f"--export={with_title}", "--view=lanes", case_path],
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise d.Failure(f"backchannel --export failed: {r.stderr}")
    # cairo numbers its surfaces across the process: the window has drawn
    # many before the export, the command line none.
    def normal(b):
        return re.sub(rb"surface\d+", b"surface", b)

    if normal(open(with_title, "rb").read()) != normal(data):
        raise d.Failure(f"{path} has no text {title!r} (cairo draws glyphs) and differs from "
                        f"`backchannel --export --view=lanes`, so nothing shows the title is in it")
    step("file: the title is drawn as glyphs, not text; the file is the same, but for cairo's "
         "surface ids, as `backchannel --export=F.svg --view=lanes oslo.bcase`, which draws the title")


def with_e2e_suppressions(options, tmp):
    """LSAN_OPTIONS whose suppressions file also has this folder's
    lsan.supp, or None when no suppressions file is set."""
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


def close_window(win):
    step("close the window")
    close = d.find(win, role_name="push button", name_is="Close")
    if close is None:
        raise d.Failure("the window has no Close button")
    d.press(close)
    try:
        code = program.proc.wait(d.TIMEOUT)
    except subprocess.TimeoutExpired:
        raise d.Failure(f"the program still runs {d.TIMEOUT:.0f} s after its last window was closed")
    if code != 0:
        raise d.Failure(f"the program exited with status {code} after its window was closed")


def main(argv):
    global program, d_app
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
    titles = event_titles(oslo)

    tmp = d.new_tmpdir("bc-e2e.")
    out = os.path.join(tmp, "export", "oslo.svg")
    os.makedirs(os.path.dirname(out))
    env = d.private_env(tmp, cases, build)
    lsan = with_e2e_suppressions(env.get("LSAN_OPTIONS"), tmp)
    if lsan is not None:
        env["LSAN_OPTIONS"] = lsan
    program = d.Program(exe, [], env, os.path.join(tmp, "backchannel.log"))
    blocked = None
    try:
        app = d_app = d.find_application(program)
        step("the application is on the accessibility bus")
        win = open_from_welcome(app, title)
        step("the case is open")
        event = select_event(app, win, titles)
        inspector_shows(win, event)
        step("the inspector shows the selected event")
        blocked = export_svg(app, win, out)
        if blocked is not None:
            step(f"export blocked: {blocked}")
        else:
            check_svg(out, oslo, exe, title)
        close_window(win)
    except d.Failure as e:
        d.log(f"FAIL: {e}")
        try:
            d.log("--- accessible tree ---\n" + "\n".join(d.dump(d_app)))
        except Exception:
            pass
        d.log("--- backchannel output ---\n" + program.output())
        d.log(f"(its files are kept in {tmp})")
        return 1
    finally:
        program.stop()

    output = program.output()
    criticals = [l for l in output.splitlines() if re.search(r"-(CRITICAL|WARNING) \*\*", l)]
    if criticals:
        d.log("FAIL: the program logged warnings:\n" + "\n".join(criticals))
        return 1
    if blocked is not None:
        d.log(f"FAIL: the export could not be driven through the interface: {blocked}")
        return 1
    shutil.rmtree(tmp, ignore_errors=True)
    d.log("PASS")
    return 0


program = None
d_app = None

if __name__ == "__main__":
    if not d.in_session():
        sys.exit(d.rerun_in_session([os.path.abspath(__file__)] + sys.argv[1:]))
    sys.exit(main(sys.argv[1:]))
