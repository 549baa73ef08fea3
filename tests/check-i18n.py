#!/usr/bin/env python3
# check-i18n.py SRCDIR [--locale LL]
#
# Without --locale: every file with translatable strings is listed in
# po/POTFILES.in (and every listed file exists), every visible text in a .ui
# file is marked translatable, and no string literal reaches a visible GTK or
# libadwaita setter in src/app without _().
# With --locale LL: po/LL.po has no untranslated or fuzzy message (exit 77,
# "skipped", while the language has no translation yet).
# The desktop file, metainfo and schema need xgettext's ITS rules (gettext
# 0.19.7 or later, as Debian 12 has).
import pathlib
import re
import subprocess
import sys
import tempfile

MARKERS = re.compile(r'(?<![A-Za-z0-9_])(?:N_|C_|NC_|_)\s*\(\s*"|translatable="yes"')
UI_VISIBLE = re.compile(
    r'<(property|attribute) name="(label|title|subtitle|tooltip-text|tooltip-markup|'
    r'placeholder-text|description|heading|body|text|primary-text|secondary-text)"([^>]*)>([^<]*)<')
C_SETTERS = re.compile(
    r'\b(gtk_label_set_(?:text|label|markup)|gtk_button_set_label|gtk_window_set_title|'
    r'gtk_widget_set_tooltip_text|adw_toast_new|adw_window_title_set_(?:title|subtitle)|'
    r'adw_preferences_row_set_title|adw_action_row_set_subtitle|adw_status_page_set_(?:title|description)|'
    r'adw_message_dialog_(?:new|add_response|set_heading|set_body)|gtk_editable_set_text)\s*\(([^;]*?)\)\s*;',
    re.S)
NOT_TEXT = re.compile(r'^[\s\d%.:,/•+\-–—()]*$')


def fail(msg, problems):
    print(msg)
    problems.append(msg)


def check_potfiles(src, problems):
    listed = [l.strip() for l in (src / 'po' / 'POTFILES.in').read_text().splitlines()
              if l.strip() and not l.startswith('#')]
    for name in listed:
        if not (src / name).exists():
            fail(f'po/POTFILES.in: {name} does not exist', problems)
    for d in ('src', 'ui', 'data'):
        for path in sorted((src / d).rglob('*')):
            if path.suffix not in ('.c', '.ui', '.in', '.xml') or 'examples' in path.parts:
                continue
            rel = path.relative_to(src).as_posix()
            if MARKERS.search(path.read_text(errors='replace')) and rel not in listed:
                fail(f'{rel}: has translatable strings but is not in po/POTFILES.in', problems)


def check_ui(src, problems):
    for path in sorted((src / 'ui').rglob('*.ui')):
        text = path.read_text()
        for m in UI_VISIBLE.finditer(text):
            value = m.group(4).strip()
            if value and not NOT_TEXT.match(value) and 'translatable="yes"' not in m.group(3):
                line = text.count('\n', 0, m.start()) + 1
                fail(f'{path.relative_to(src)}:{line}: "{value}" is not marked translatable', problems)


def check_c(src, problems):
    for path in sorted((src / 'src' / 'app').glob('*.c')):
        text = path.read_text()
        for m in C_SETTERS.finditer(text):
            for lit in re.finditer(r'(?<![_A-Za-z(])\s*"((?:[^"\\]|\\.)*)"', m.group(2)):
                before = m.group(2)[:lit.start()].rstrip()
                value = lit.group(1)
                if before.endswith('_(') or before.endswith('N_(') or NOT_TEXT.match(value):
                    continue
                # Response ids, action and icon names: lower-case identifiers.
                if not re.search(r'[A-Za-z]{2}', value) or re.match(r'^[a-z][a-z0-9._-]*$', value):
                    continue
                line = text.count('\n', 0, m.start()) + 1
                fail(f'{path.relative_to(src)}:{line}: "{value}" reaches {m.group(1)} untranslated', problems)


def check_xgettext(src, problems):
    # The strings the update-po target extracts (meson's glib preset keywords).
    with tempfile.TemporaryDirectory() as tmp:
        pot = pathlib.Path(tmp) / 'meshwork.pot'
        out = subprocess.run(['xgettext', '--from-code=UTF-8', '--add-comments', '--keyword=_',
                              '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
                              '--keyword=g_dngettext:2,3', '-D', str(src),
                              '-f', str(src / 'po' / 'POTFILES.in'), '-o', str(pot)],
                             capture_output=True, text=True)
        if out.returncode != 0:
            fail(f'xgettext failed: {out.stderr.strip()}', problems)
            return
        text = pot.read_text()
    # One string from each kind of file: desktop, metainfo, schema, .ui, C.
    for sample in ('Network Editor', 'how distributed their leadership is', 'Color scheme',
                   'Keyboard shortcuts', 'Research the Scores Rest On'):
        if sample not in text:
            fail(f'xgettext did not extract "{sample}"', problems)


def check_locale(src, lang):
    po = src / 'po' / f'{lang}.po'
    if not po.exists():
        print(f'po/{lang}.po does not exist yet: skipped')
        return 77
    out = subprocess.run(['msgfmt', '--check', '--statistics', '-o', '/dev/null', str(po)],
                         capture_output=True, text=True)
    print(out.stdout + out.stderr, end='')
    if out.returncode != 0 or re.search(r'untranslated|fuzzy', out.stderr):
        return 1
    return 0


def main():
    src = pathlib.Path(sys.argv[1])
    if len(sys.argv) == 4 and sys.argv[2] == '--locale':
        return check_locale(src, sys.argv[3])
    problems = []
    check_potfiles(src, problems)
    check_ui(src, problems)
    check_c(src, problems)
    check_xgettext(src, problems)
    print(f'{len(problems)} problem(s)')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
