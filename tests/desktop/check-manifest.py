#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest: it parses, names the application and its
command, asks for no more than the window needs, and builds this tree with
its tests. Prints TAP."""

import json
import sys

path, app_id = sys.argv[1], sys.argv[2]
results = []


def check(ok, what):
    results.append((bool(ok), what))


with open(path, encoding="utf-8") as f:
    manifest = json.load(f)

check(manifest.get("id", manifest.get("app-id")) == app_id, "the application id is " + app_id)
check(manifest.get("command") == "backchannel", "the command is backchannel")
check(manifest.get("runtime") == "org.gnome.Platform", "the runtime is org.gnome.Platform")
check(manifest.get("sdk") == "org.gnome.Sdk", "the SDK is org.gnome.Sdk")
check(str(manifest.get("runtime-version", "")).isdigit(), "the runtime is a stable GNOME release")

args = manifest.get("finish-args", [])
check(not any(a.startswith("--filesystem") for a in args), "no --filesystem: files come through the portal")
check(not any(a.startswith("--talk-name") or a.startswith("--own-name") for a in args),
      "no extra D-Bus names")
check(set(args) <= {"--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"},
      "only the display permissions: " + " ".join(args))
check("--share=network" not in args, "no network")

modules = manifest.get("modules", [])
project = [m for m in modules if isinstance(m, dict) and m.get("name") == "backchannel"]
check(len(project) == 1, "one module builds backchannel")
if project:
    module = project[0]
    check(module.get("buildsystem") == "meson", "the module builds with meson")
    check(module.get("run-tests") is True, "the module runs its tests")
    check({"type": "dir", "path": ".."} in module.get("sources", []), "the module builds this tree")

failed = 0
for i, (ok, what) in enumerate(results, 1):
    print(("ok" if ok else "not ok"), i, "-", what)
    failed |= not ok
print("1..%d" % len(results))
sys.exit(1 if failed else 0)
