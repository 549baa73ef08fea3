#!/usr/bin/env python3
# a11y-names.py: walks an application's accessible tree over AT-SPI, as a
# screen reader sees it, and lists every control on screen without a clean
# name: empty, a type name ("GtkToggleButton"), a mnemonic underscore, a
# doubled phrase ("Cancel Cancel") or a bare value ("56%").
#
# Copyright 2026 The Meshwork authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: a11y-names.py PID [SECONDS]   exit 0: all clean, 1: the list on
# stdout, 2: the application never showed up on the bus.
#        a11y-names.py PID SECONDS --focused   prints "ROLE\tNAME" of each
# object a screen reader is told has the focus; exit 1 when none has.

import re
import sys
import time

import gi

gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402

# What a user operates: these need a name whether or not they take focus.
INTERACTIVE = {
    Atspi.Role.PUSH_BUTTON, Atspi.Role.TOGGLE_BUTTON, Atspi.Role.CHECK_BOX,
    Atspi.Role.RADIO_BUTTON, Atspi.Role.COMBO_BOX, Atspi.Role.MENU_ITEM,
    Atspi.Role.CHECK_MENU_ITEM, Atspi.Role.RADIO_MENU_ITEM, Atspi.Role.ENTRY,
    Atspi.Role.SPIN_BUTTON, Atspi.Role.SLIDER,
    Atspi.Role.LINK, Atspi.Role.PAGE_TAB, Atspi.Role.PASSWORD_TEXT,
}


def problem(name):
    name = (name or '').strip()
    if not name:
        return 'no name'
    if re.fullmatch(r'(Gtk|Adw|Mw|Gdk)[A-Z]\w*', name):
        return 'a type name'
    if re.search(r'(^|\s)_\w', name):
        return 'a mnemonic underscore'
    words = name.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and half > 0 and words[:half] == words[half:]:
        return 'a doubled name'
    if re.fullmatch(r'[\d.,\s]+%?', name):
        return 'a bare value'
    return None


def find_app(pid, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            try:
                if app is not None and app.get_process_id() == pid:
                    return app
            except gi.repository.GLib.Error:
                pass
        time.sleep(0.2)
    return None


# GTK 4.8 sets no "showing" state below the window; what is not on screen
# (a hidden stack page, a closed popover) has no extents.
def on_screen(node):
    if node.get_role() in (Atspi.Role.APPLICATION, Atspi.Role.FRAME, Atspi.Role.WINDOW):
        return True
    try:
        extents = node.get_extents(Atspi.CoordType.WINDOW)
    except gi.repository.GLib.Error:
        return True
    return extents.width > 0 and extents.height > 0


def walk(node, path, out, depth=0):
    if node is None or depth > 60:
        return
    try:
        states = node.get_state_set()
        role = node.get_role()
        name = node.get_name()
        if not on_screen(node):
            return
    except gi.repository.GLib.Error:
        return
    here = f'{path}/{node.get_role_name()}'
    focusable = states.contains(Atspi.StateType.FOCUSABLE)
    if (role in INTERACTIVE or focusable) and role not in (Atspi.Role.FRAME, Atspi.Role.WINDOW):
        why = problem(name)
        if why is not None:
            out.append(f'{here} “{name}”: {why}')
    for i in range(node.get_child_count()):
        walk(node.get_child_at_index(i), here, out, depth + 1)


def focused(node, out, depth=0):
    if node is None or depth > 60:
        return
    try:
        if node.get_state_set().contains(Atspi.StateType.FOCUSED):
            out.append(f'{node.get_role_name()}\t{node.get_name()}')
        for i in range(node.get_child_count()):
            focused(node.get_child_at_index(i), out, depth + 1)
    except gi.repository.GLib.Error:
        return


def main():
    pid = int(sys.argv[1])
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 10
    app = find_app(pid, seconds)
    if app is None:
        print(f'no application with pid {pid} on the accessibility bus')
        return 2
    out = []
    if '--focused' in sys.argv[3:]:
        for i in range(app.get_child_count()):
            focused(app.get_child_at_index(i), out)
        print('\n'.join(out))
        return 0 if out else 1
    for i in range(app.get_child_count()):
        walk(app.get_child_at_index(i), '', out)
    for line in out:
        print(line)
    return 1 if out else 0


sys.exit(main())
