#!/usr/bin/python3
# make-fixtures.py: writes the GraphML fixtures that real libraries make.
#
# Copyright 2026 The Meshwork authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Needs python3-networkx and python3-igraph (Debian packages). The outputs
# are checked in, so the tests need no Python; run this again only to
# refresh them:  /usr/bin/python3 tests/data/graphml/make-fixtures.py
import os

import igraph
import networkx as nx

here = os.path.dirname(os.path.abspath(__file__))


def networkx_fixture():
    """A small advice network, directed, with typed attributes."""
    g = nx.DiGraph(name="advice")
    g.add_node("ann", name="Ann Lee", dept="Sales", tenure=4, remote=True)
    g.add_node("bob", name="Bob Ray", dept="Sales", tenure=1, remote=False)
    g.add_node("cid", name="Cid Moss", dept="R&D <core>", tenure=7, remote=False)
    g.add_edge("ann", "bob", weight=2.5, since="2021")
    g.add_edge("bob", "cid", weight=1.0, since="2023")
    g.add_edge("cid", "ann", weight=0.5, since="2022", mw_tie="checks")
    nx.write_graphml(g, os.path.join(here, "networkx-advice.graphml"))


def networkx_undirected_fixture():
    """Undirected karate-club friendships: edges without a type collaborate."""
    g = nx.karate_club_graph()
    nx.write_graphml(g, os.path.join(here, "networkx-karate.graphml"))


def igraph_fixture():
    """igraph names its keys v_*, e_*, g_*."""
    g = igraph.Graph(directed=False)
    g.add_vertices(4)
    g.vs["name"] = ["Ada", "Ben", "Cy", "Di"]
    g.vs["team"] = ["north", "north", "south", "south"]
    g.add_edges([(0, 1), (1, 2), (2, 3), (3, 0)])
    g.es["weight"] = [1.0, 3.0, 2.0, 4.5]
    g.es["type"] = ["collaboration", "advice", "peer review", "friendship"]
    g["title"] = "Project Atlas"
    g.write_graphml(os.path.join(here, "igraph-teams.graphml"))


if __name__ == "__main__":
    networkx_fixture()
    networkx_undirected_fixture()
    igraph_fixture()
