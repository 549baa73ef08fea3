#!/usr/bin/env python3
# check-man.py MESHWORK_CLI MANPAGE: the manual page documents every command
# `meshwork-cli --help` lists and every long option each command accepts.
import re
import subprocess
import sys

cli, page = sys.argv[1], sys.argv[2]
text = open(page).read().replace('\\-', '-')
overview = subprocess.run([cli, '--help'], capture_output=True, text=True, check=True).stdout
commands = re.findall(r'^  ([a-z]+)\s{2,}', overview.split('Commands:')[1].split('Options:')[0], re.M)
missing = []
for command in commands:
    if not re.search(r'^\.BI? "?' + command + r'\b', text, re.M):
        missing.append(f'command {command}')
    usage = subprocess.run([cli, command, '--help'], capture_output=True, text=True).stdout
    options = sorted(set(re.findall(r'--([a-z][a-z-]+)', usage.split('Application Options:')[-1])))
    for option in options:
        if '--' + option not in text:
            missing.append(f'{command} --{option}')
for item in missing:
    print(f'{page}: does not document {item}')
print(f'{len(commands)} commands checked')
sys.exit(1 if missing or len(commands) < 7 else 0)
