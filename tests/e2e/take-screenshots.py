#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Screenshots of each view with each bundled case, from the real window.

    take-screenshots.py BACKCHANNEL SOURCE_ROOT OUTPUT_DIR [BUILD_ROOT]

Opens each case in the built program, in a 1280x800 virtual display with
GSK_RENDERER=cairo and the default light style, waits until the window
stops changing, saves the window as lanes-CASE.png, presses "Wheel"
through AT-SPI as a screen reader would, and saves wheel-CASE.png; then
presses Play on Oslo, goes on to its fourth story step and saves
story-oslo.png; searches Oslo for "Holst" and saves search-oslo.png;
compares Oslo with Camp David and saves comparison.png; and opens the
analysis pane on Oslo from the primary menu, presses the figure of
upward transfers and the first of them, and saves analysis.png.
Use take-screenshots.sh, which builds first.
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bcdriver as d  # noqa: E402

CASES = ["oslo", "camp-david", "abkhazia"]


def settled_screenshot(path, title, program):
    """Saves the window once two captures in a row are the same picture."""
    tmp = path + ".tmp.png"
    previous = None
    # The pointer off the window: no hover highlight, no tooltip.
    d.park_pointer()

    def same_twice():
        nonlocal previous
        d.screenshot(tmp, title)
        with open(tmp, "rb") as f:
            data = f.read()
        same = data == previous
        previous = data
        if not same:
            time.sleep(0.3)
        return same

    d.wait_for(f"the window {title!r} to stop changing", same_twice, program=program)
    os.replace(tmp, path)


def switch_to_wheel(app, win, program):
    """Presses "Wheel" in the header bar, or, when a long title has
    squeezed the view switch out of it, in the primary menu."""
    button = d.find(win, role_name="push button", name_is="Wheel", visible=True)
    if button is not None:
        d.press(button)
        d.log("# pressed Wheel in the header bar")
        return
    menu = next(b for b in d.find_all(win, role_name="push button", name_is="Main menu")
                if "click" in d.actions(b))
    d.press(menu)
    item = d.wait_for("Wheel in the primary menu",
                      lambda: d.find(app, role_name="menu item", name_re=r"^_?Wheel$", visible=True) or
                      d.find(app, role_name="radio menu item", name_re=r"^_?Wheel$", visible=True),
                      program=program)
    d.press(item)
    d.log("# the header bar has no Wheel button (squeezed out); pressed Wheel in the primary menu")


def open_case(exe, src, build, case):
    """Starts the program on a bundled case; returns the program, its
    application, its window, the window's title and a private folder."""
    cases = os.path.join(src, "data", "cases")
    path = os.path.join(cases, case + ".bcase")
    title = d.case_title(path)
    tmp = d.new_tmpdir("bc-shots.")
    program = d.Program(exe, [path], d.private_env(tmp, cases, build), os.path.join(tmp, "log"))
    try:
        app = d.find_application(program)
        win = d.wait_for(f"the window of {title!r}",
                         lambda: next((w for w in d.windows(app) if d.name(w) == title), None),
                         program=program)
    except BaseException:
        program.stop()
        raise
    return program, app, win, title, tmp


def press_in_main_menu(app, win, program, what, name_re, role_name=None):
    """Opens the window's main menu and presses the item NAME_RE."""
    menu = next(b for b in d.find_all(win, role_name="push button", name_is="Main menu")
                if "click" in d.actions(b))
    d.press(menu)
    item = d.wait_for(f"{what} in the main menu",
                      lambda: d.find(app, role_name=role_name, name_re=name_re, visible=True),
                      program=program)
    d.press(item)


def shoot_case(exe, src, build, out_dir, case):
    program, app, win, title, tmp = open_case(exe, src, build, case)
    try:
        d.wait_for("the diagram", lambda: d.find(win, role_name="image", name_is="Diagram of the case",
                                                 visible=True), program=program)
        lanes = os.path.join(out_dir, f"lanes-{case}.png")
        settled_screenshot(lanes, title, program)
        d.log(f"wrote {lanes}")

        switch_to_wheel(app, win, program)
        # The picture must change from the lanes before it can settle.
        with open(lanes, "rb") as f:
            lanes_data = f.read()
        probe = os.path.join(tmp, "probe.png")

        def changed():
            d.screenshot(probe, title)
            with open(probe, "rb") as f:
                return f.read() != lanes_data

        d.wait_for("the wheel to replace the lanes", changed, program=program)
        wheel = os.path.join(out_dir, f"wheel-{case}.png")
        settled_screenshot(wheel, title, program)
        d.log(f"wrote {wheel}")
    finally:
        program.stop()
    output = program.output()
    if "CRITICAL" in output or "WARNING" in output:
        d.log(f"# {case}: the program logged:\n{output}")


def shoot_story(exe, src, build, out_dir, case):
    """Presses Play on a case with a story, goes on to the fourth step by
    keyboard, and saves story-CASE.png."""
    program, app, win, title, tmp = open_case(exe, src, build, case)
    try:
        play = d.wait_for("Play", lambda: d.find(win, role_name="push button", name_is="Play", visible=True),
                          program=program)
        d.press(play)
        following = d.wait_for("Next Step", lambda: d.find(win, role_name="push button", name_is="Next Step",
                                                            visible=True), program=program)
        for n in range(2, 5):
            d.press(following)
            d.wait_for(f"step {n}", lambda: d.find(win, role_name="label", name_re=rf"^Step {n} of "),
                       program=program)
        story = os.path.join(out_dir, f"story-{case}.png")
        settled_screenshot(story, title, program)
        d.log(f"wrote {story}")
    finally:
        program.stop()


def shoot_search(exe, src, build, out_dir, case, text):
    """Types TEXT into the outline's search and saves search-CASE.png: the
    tabs count what was found, the canvas marks it."""
    program, app, win, title, tmp = open_case(exe, src, build, case)
    try:
        entry = d.wait_for("the outline's search",
                           lambda: d.find(win, name_is="Search actors, events, transfers and sources",
                                          visible=True), program=program)
        d.set_text(entry, text)
        d.wait_for("a tab to count the matches",
                   lambda: d.find(win, name_re=r"^Actors \(\d+\)$"), program=program)
        shot = os.path.join(out_dir, f"search-{case}.png")
        settled_screenshot(shot, title, program)
        d.log(f"wrote {shot}")
    finally:
        program.stop()


def shoot_compare(exe, src, build, out_dir, case):
    """Opens Compare With… from the main menu of CASE and saves the
    comparison window, against the bundled case it offers first, as
    comparison.png."""
    program, app, win, title, tmp = open_case(exe, src, build, case)
    try:
        press_in_main_menu(app, win, program, "Compare With…", r"^_?Compare With")
        d.wait_for("the comparison window",
                   lambda: next((w for w in d.windows(app) if d.name(w) == "Compare Cases"), None),
                   program=program)
        shot = os.path.join(out_dir, "comparison.png")
        settled_screenshot(shot, "Compare Cases", program)
        d.log(f"wrote {shot}")
    finally:
        program.stop()


def shoot_analysis(exe, src, build, out_dir, case):
    """Opens the analysis pane from the primary menu, presses the figure of
    upward transfers (its items listed under it) and the first of them
    (selected on the canvas and in the outline), and saves analysis.png."""
    program, app, win, title, tmp = open_case(exe, src, build, case)
    try:
        d.wait_for("the diagram", lambda: d.find(win, role_name="image", name_is="Diagram of the case",
                                                 visible=True), program=program)
        press_in_main_menu(app, win, program, "Analysis", r"^_?Analysis$", role_name="menu item")
        upward = d.wait_for("the figure of upward transfers",
                            lambda: d.find(win, role_name="push button", name_re=r"^Upward\b.*: \d+$", visible=True),
                            program=program)
        d.press(upward)
        row = d.wait_for("the transfers behind it",
                         lambda: d.find(win, name_re=r"^Transfer: ", visible=True), program=program)
        d.press(row)
        shot = os.path.join(out_dir, "analysis.png")
        settled_screenshot(shot, title, program)
        d.log(f"wrote {shot}")
    finally:
        program.stop()
    output = program.output()
    if "CRITICAL" in output or "WARNING" in output:
        d.log(f"# analysis: the program logged:\n{output}")


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    exe, src, out_dir = (os.path.abspath(a) for a in argv[:3])
    build = os.path.abspath(argv[3]) if len(argv) > 3 else None
    os.makedirs(out_dir, exist_ok=True)
    try:
        for case in CASES:
            shoot_case(exe, src, build, out_dir, case)
        shoot_story(exe, src, build, out_dir, "oslo")
        shoot_search(exe, src, build, out_dir, "oslo", "Holst")
        shoot_compare(exe, src, build, out_dir, "oslo")
        shoot_analysis(exe, src, build, out_dir, "oslo")
    except d.Failure as e:
        d.log(f"FAIL: {e}")
        return 1
    return 0


if __name__ == "__main__":
    if not d.in_session():
        sys.exit(d.rerun_in_session([os.path.abspath(__file__)] + sys.argv[1:]))
    sys.exit(main(sys.argv[1:]))
