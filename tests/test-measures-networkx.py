#!/usr/bin/env python3
# test-measures-networkx.py MESHWORK_CLI DATADIR: the per-actor measures of
# `meshwork-cli table --actors --json` equal networkx's on real data files
# (betweenness and Burt's constraint, within 1e-9).
#
# Copyright 2026 The Meshwork authors
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import math
import os
import subprocess
import sys

try:
    import networkx as nx
except ImportError:
    print('1..0 # SKIP python3-networkx is not installed')
    sys.exit(0)

TOLERANCE = 1e-9
# (file meshwork-cli reads, GraphML networkx reads): the same network
CASES = [
    ('graphml/networkx-karate.graphml', 'graphml/networkx-karate.graphml'),
    ('graphml/networkx-advice.graphml', 'graphml/networkx-advice.graphml'),
    ('graphml/emon-flood.graphml', 'graphml/emon-flood.graphml'),
    ('emon-flood.gv', 'graphml/emon-flood.graphml'),
    ('graphml/igraph-teams.graphml', 'graphml/igraph-teams.graphml'),
    ('graphml/gephi-export.graphml', 'graphml/gephi-export.graphml'),
]


def simple_graph(path):
    """The graph Meshwork measures: parallel ties merged, self ties dropped."""
    g = nx.read_graphml(path)
    g = nx.DiGraph(g) if g.is_directed() else nx.Graph(g)
    g.remove_edges_from(list(nx.selfloop_edges(g)))
    return g


def constraint(g, v):
    # networkx's own local constraints, summed over all neighbours; its
    # constraint() of a DiGraph calls an actor without successors isolated
    # in some versions (2.8), so the sum is taken here for every actor
    neighbours = set(nx.all_neighbors(g, v))
    if not neighbours:
        return float('nan')
    return sum(nx.local_constraint(g, v, n) for n in neighbours)


def close(a, b):
    if a is None or (isinstance(a, float) and math.isnan(a)):
        return b is None or math.isnan(b)
    return b is not None and abs(a - b) <= TOLERANCE


def check(cli, data, mine, theirs, n):
    out = subprocess.run([cli, 'table', '--actors', '--json', os.path.join(data, mine)],
                         capture_output=True, text=True, check=True).stdout
    table = json.loads(out)
    rows = {row['id']: row for row in table['rows']}
    g = simple_graph(os.path.join(data, theirs))
    between = nx.betweenness_centrality(g)
    problems = []
    if not table['betweenness']['exact']:
        problems.append('betweenness was sampled')
    if set(rows) != set(g.nodes):
        problems.append(f'actors differ: {sorted(set(rows) ^ set(g.nodes))}')
    for v in g.nodes:
        if v not in rows:
            continue
        if not close(between[v], rows[v]['betweenness']):
            problems.append(f'{v}: betweenness {rows[v]["betweenness"]} != networkx {between[v]}')
        c = constraint(g, v)
        if not close(c, rows[v]['constraint']):
            problems.append(f'{v}: constraint {rows[v]["constraint"]} != networkx {c}')
    status = 'ok' if not problems else 'not ok'
    print(f'{status} {n} - {mine}: {g.number_of_nodes()} actors, {g.number_of_edges()} ties '
          f'({"directed" if g.is_directed() else "undirected"})')
    for p in problems[:10]:
        print(f'# {p}')
    return not problems


def main():
    cli, data = sys.argv[1], sys.argv[2]
    print(f'1..{len(CASES)}')
    results = [check(cli, data, mine, theirs, i + 1) for i, (mine, theirs) in enumerate(CASES)]
    return 0 if all(results) else 1


if __name__ == '__main__':
    sys.exit(main())
