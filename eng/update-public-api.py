#!/usr/bin/env python3
"""Brings PublicAPI.Unshipped.txt of the src/ projects in line with the code.

Builds with warnings not treated as errors, then adds every symbol reported by RS0016 (public but not declared)
and removes every symbol reported by RS0017 (declared but gone). Usage: python3 eng/update-public-api.py [project dir...]
"""
import os, re, subprocess, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
projects = sys.argv[1:] or [os.path.join(root, 'src', d) for d in sorted(os.listdir(os.path.join(root, 'src')))
                            if os.path.isdir(os.path.join(root, 'src', d))]
pattern = re.compile(r"^(?P<file>/[^(]+)\(\d+,\d+\): (?:warning|error) (?P<code>RS0016|RS0017): Symbol '(?P<sym>.+?)' (?:is not part of the declared|is part of the declared).*\[(?P<proj>[^\]]+)\]")
for _ in range(3):
    changed = False
    for proj in projects:
        out = subprocess.run(['dotnet', 'build', proj, '-nologo', '-clp:NoSummary', '-p:TreatWarningsAsErrors=false', '--no-incremental'],
                             capture_output=True, text=True).stdout
        add, remove = set(), set()
        for line in out.splitlines():
            m = pattern.match(line.strip())
            if not m:
                continue
            (add if m.group('code') == 'RS0016' else remove).add(m.group('sym'))
        if not add and not remove:
            continue
        path = os.path.join(proj, 'PublicAPI.Unshipped.txt')
        lines = [l.rstrip('\n') for l in open(path, encoding='utf-8')]
        header = [l for l in lines if l.startswith('#')]
        body = set(l for l in lines if l and not l.startswith('#'))
        body = (body - remove) | add
        open(path, 'w', encoding='utf-8').write('\n'.join(header + sorted(body, key=lambda s: s.lstrip('~'))) + '\n')
        print(f'{os.path.basename(proj)}: +{len(add)} -{len(remove)}')
        changed = True
    if not changed:
        break
