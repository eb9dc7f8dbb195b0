#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end: the real program, driven through AT-SPI as a user would.

    test-e2e.py BACKCHANNEL SOURCE_ROOT [BUILD_ROOT]

Starts the built backchannel in a virtual display with a private session
bus, home and settings, then: opens the Oslo case from the welcome page
with a pointer click, selects an event in the outline, checks that the
inspector shows that event's title, exports an SVG through the export
dialog, and checks the file on disk. Then edits: from the selected event,
adds a transfer to an event on another track through the inspector,
annotates the new transfer, undoes and redoes both through the primary
menu, saves the case as a new file through the file chooser, closes the
window, starts the program again on that file and finds the transfer in
the outline, and checks that the file on disk differs from the bundled
case by exactly that transfer and its annotation. Each program is
expected to exit cleanly, without a critical warning on the way.

Exits 77 (skipped) when xvfb-run, dbus-run-session or pyatspi are missing.
Run it with the system /usr/bin/python3, which has pyatspi.
"""

import os
import re
import shutil
import subprocess
import sys
import time
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


# Editing ---------------------------------------------------------------

ANNOTATION = "Larsen carried the Tel Aviv talk to the Norwegian foreign ministry"


def local(tag):
    return tag.split("}")[-1]


def case_events(case_path):
    """(id, title, track) of each event of a case file, in file order."""
    root = ET.parse(case_path).getroot()
    events = []
    for el in root.iter():
        if local(el.tag) == "event":
            title = next(((c.text or "").strip() for c in el if local(c.tag) == "title"), "")
            events.append((el.get("id"), title, el.get("track")))
    return events


def in_inspector(node):
    return any(d.name(a) == "Inspector" for a in d.ancestors(node))


def inspector_node(win, **kw):
    for node in d.find_all(win, visible=True, **kw):
        if in_inspector(node):
            return node
    return None


def key(keysym_name):
    pyatspi = d._pyatspi()
    from gi.repository import Gdk  # noqa: E402  (pyatspi brings gi)
    pyatspi.Registry.generateKeyboardEvent(Gdk.keyval_from_name(keysym_name), None, pyatspi.KEY_SYM)


def menu_item(app, win, name_re):
    """Opens the primary menu and presses the item matching @name_re."""
    menu = next((b for b in d.find_all(win, role_name="push button", name_is="Main menu")
                 if "click" in d.actions(b)), None)
    if menu is None:
        raise d.Failure("the window has no button named 'Main menu'")
    d.press(menu)
    item = d.wait_for(f"a primary menu item matching {name_re!r}",
                      lambda: d.find(app, role_name="menu item", name_re=name_re, visible=True),
                      program=program)
    step(f"menu: press {d.name(item)!r}")
    d.press(item)


def add_transfer(app, win, source_title, target_title):
    step(f"inspector: Add Transfer… from {source_title!r}")
    button = d.wait_for("the inspector's Add Transfer… button",
                        lambda: next((b for b in d.find_all(win, role_name="push button", name_is="Add Transfer…",
                                                            visible=True)
                                      if "click" in d.actions(b) and in_inspector(b)), None),
                        program=program)
    scroll_into_view(win, button)
    d.press(button)
    search = d.wait_for("the search entry of the event picker",
                        lambda: next((e for e in d.find_all(app, name_is="Search the event it reaches",
                                                            visible=True) if editable(e)), None),
                        program=program)
    step(f"picker: search {target_title!r} and press Return")
    d.set_text(search, target_title)
    d.wait_for("the search entry to hold the title", lambda: d.text_of(search) == target_title,
               program=program)
    key("Return")
    d.wait_for("the inspector to show the new transfer",
               lambda: inspector_node(win, role_name="label", name_is="New transfer") or
               next((l for l in d.find_all(win, role_name="label", visible=True)
                     if d.text_of(l) == "New transfer" and in_inspector(l)), None),
               program=program)


def annotation_entry(win):
    return next((e for e in d.find_all(win, visible=True)
                 if editable(e) and in_inspector(e) and d.text_of(e) == ANNOTATION), None)


def scroll_into_view(win, node):
    """Scrolls the pane that holds @node with the mouse wheel, as a user
    would, until @node is inside its visible part."""
    pane = next((a for a in d.ancestors(node) if d.role(a) == "scroll pane"), None)
    if pane is None:
        return
    pyatspi = d._pyatspi()
    px, py, pw, ph = d.extents(pane)
    ox, oy = d.window_origin(d.name(win))

    def visible():
        x, y, w, h = d.extents(node)
        return py <= y and y + h <= py + ph

    for _ in range(200):
        if visible():
            return
        pyatspi.Registry.generateMouseEvent(ox + px + pw // 2, oy + py + ph // 2, pyatspi.MOUSE_ABS)
        pyatspi.Registry.generateMouseEvent(ox + px + pw // 2, oy + py + ph // 2, "b5c")
        time.sleep(0.05)
    d.wait_for("the inspector to scroll to the annotations", visible, program=program)


def annotate(app, win):
    step("inspector: write an annotation on the new transfer")
    entry = d.wait_for("the inspector's 'Add an annotation' entry",
                       lambda: next((e for e in d.find_all(win, visible=True)
                                     if editable(e) and in_inspector(e) and
                                     (d.name(e) == "Add an annotation" or
                                      any(d.name(a) == "Add an annotation" for a in d.ancestors(e)))),
                                    None),
                       program=program)
    # Typed, as a user would: the row shows its apply button, and takes
    # Return as applying, only for text typed into it.
    scroll_into_view(win, entry)
    d.click(entry, d.name(win))
    pyatspi = d._pyatspi()
    pyatspi.Registry.generateKeyboardEvent(0, ANNOTATION, pyatspi.KEY_STRING)
    d.wait_for("the entry to hold the annotation", lambda: d.text_of(entry) == ANNOTATION, program=program)
    key("Return")
    # Once added, the annotation is a row of its own, holding the text,
    # and the new-annotation entry is empty again.
    d.wait_for("the annotation to be listed in the inspector",
               lambda: next((e for e in d.find_all(win, visible=True)
                             if editable(e) and in_inspector(e) and d.text_of(e) == ANNOTATION and
                             d.name(e) != "Add an annotation" and
                             not any(d.name(a) == "Add an annotation" for a in d.ancestors(e))), None),
               program=program)


def undo_redo(app, win):
    menu_item(app, win, r"(?i)^_?undo")
    d.wait_for("undo to take the annotation away", lambda: annotation_entry(win) is None, program=program)
    step("undo: the annotation is gone")
    menu_item(app, win, r"(?i)^_?redo")
    d.wait_for("redo to bring the annotation back", lambda: annotation_entry(win) is not None,
               program=program)
    step("redo: the annotation is back")


def save_as(app, win, path):
    menu_item(app, win, r"(?i)^save _?as")

    def chooser():
        for w in d.windows(app):
            if w == win:
                continue
            entry = next((e for e in d.find_all(w, visible=True) if editable(e)), None)
            if entry is not None and d.find(w, role_name="push button", name_re=r"(?i)^_?save", visible=True):
                return w, entry
        return None

    fc, entry = d.wait_for("the Save As file chooser", chooser, program=program)
    d.set_text(entry, path)
    d.wait_for("the name entry to hold the path", lambda: d.text_of(entry) == path, program=program)
    ok = d.find(fc, role_name="push button", name_re=r"(?i)^_?save", visible=True)
    d.press(ok)
    step(f"save as: typed {path} and pressed {d.name(ok)!r}")
    d.wait_for(f"{path} to be written", lambda: os.path.exists(path) and os.path.getsize(path) > 0,
               program=program)
    d.wait_for("the window to show the new file's name",
               lambda: d.find(win, role_name="label", name_re=re.escape(os.path.basename(path)), visible=True)
               or any(os.path.basename(path) in d.text_of(l)
                      for l in d.find_all(win, role_name="label", visible=True)),
               program=program)


def reopen_shows_transfer(exe, env, tmp, path, title):
    global program
    step(f"reopen: start the program again on {path}")
    program = d.Program(exe, [path], env, os.path.join(tmp, "backchannel-reopen.log"))
    app = d.find_application(program)
    win = d.wait_for(f"a window showing {title!r}",
                     lambda: next((w for w in d.windows(app) if d.name(w) == title), None), program=program)
    if d.find(win, role_name="list", name_is="Transfers", visible=True) is None:
        tab = d.wait_for("the Transfers tab of the outline",
                         lambda: d.find(win, role_name="page tab", name_is="Transfers", visible=True),
                         program=program)
        d.press(tab)
    d.wait_for("the new transfer in the outline's Transfers list",
               lambda: any("New transfer" in (d.name(n) or d.text_of(n) or "")
                           for lst in [d.find(win, role_name="list", name_is="Transfers", visible=True)]
                           if lst is not None for n in d.walk(lst)),
               program=program)
    step("reopen: the outline lists the new transfer")
    return win


def check_saved_case(path, original, source_id, target_id):
    """The saved file is the bundled case plus one transfer from
    @source_id to @target_id holding one annotation, and nothing else."""
    step(f"file: compare {path} with the bundled case")
    r = subprocess.run(["xmllint", "--noout", path], capture_output=True, text=True)
    if r.returncode != 0:
        raise d.Failure(f"xmllint refuses {path}: {r.stderr}")
    old = ET.parse(original).getroot()
    new = ET.parse(path).getroot()

    def transfers(root):
        return {t.get("id"): t for t in root.iter() if local(t.tag) == "transfer"}

    added = set(transfers(new)) - set(transfers(old))
    removed = set(transfers(old)) - set(transfers(new))
    if removed or len(added) != 1:
        raise d.Failure(f"transfers added {sorted(added)}, removed {sorted(removed)}; expected one added")
    tid = added.pop()
    t = transfers(new)[tid]
    if (t.get("from"), t.get("to")) != (source_id, target_id):
        raise d.Failure(f"transfer {tid} goes {t.get('from')} → {t.get('to')}, "
                        f"not {source_id} → {target_id}")
    notes = [a for a in t.iter() if local(a.tag) == "annotation"]
    texts = ["".join(a.itertext()).strip() for a in notes]
    if texts != [ANNOTATION]:
        raise d.Failure(f"transfer {tid} holds the annotations {texts}, not exactly [{ANNOTATION!r}]")
    if not notes[0].get("author") or not notes[0].get("created"):
        raise d.Failure(f"the annotation has no author or no time: {notes[0].attrib}")
    # Everything else is as it was: the two files, that transfer taken out.
    for parent in new.iter():
        for child in list(parent):
            if child is t:
                parent.remove(child)
    for root in (old, new):
        for parent in root.iter():
            for child in list(parent):
                if local(child.tag) == "transfers" and len(child) == 0:
                    parent.remove(child)

    def canon(root):
        return ET.canonicalize(ET.tostring(root, encoding="unicode"), strip_text=True)

    if canon(old) != canon(new):
        raise d.Failure(f"{path} differs from the bundled case by more than transfer {tid}")
    step(f"file: exactly one new transfer {tid} ({source_id} → {target_id}) with the annotation, "
         "and nothing else changed")


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
    earlier_output = ""
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

        events = case_events(oslo)
        source = next(e for e in events if e[1] == event)
        target = next(e for e in events if e[2] != source[2] and e[1] and
                      sum(1 for o in events if o[1] == e[1]) == 1)
        add_transfer(app, win, event, target[1])
        annotate(app, win)
        undo_redo(app, win)
        saved = os.path.join(tmp, "saved", "oslo-annotated.bcase")
        os.makedirs(os.path.dirname(saved))
        save_as(app, win, saved)
        close_window(win)
        earlier_output = program.output()
        check_saved_case(saved, oslo, source[0], target[0])
        win = reopen_shows_transfer(exe, env, tmp, saved, title)
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

    output = earlier_output + program.output()
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
