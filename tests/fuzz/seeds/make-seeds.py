#!/usr/bin/python3
# make-seeds.py: writes the structure-aware seeds of the fuzz targets.
#
# Copyright 2026 The Meshwork authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The hostile shapes of issue 16, small enough for libFuzzer's -max_len
# (16 KiB, so that each mutation stays quick): extreme degrees, parallel
# ties, declared defaults, huge coordinates, deep clusters, long attribute
# values and UTF-8 edge cases, for DOT, CSV and GraphML. The outputs are
# checked in; run this again only to change them:
#   python3 tests/fuzz/seeds/make-seeds.py
import os

here = os.path.dirname(os.path.abspath(__file__))
MAX = 16 * 1024

# UTF-8 that is valid but unusual, then bytes that are no UTF-8 at all.
UTF8_ODD = ["\ufeff", "\U0001F600", "\U0010FFFF", "\uFFFF", "\u202e", "\u200d", "\u00a0",
            "e\u0301", "\u2028", "\u0000"[0:0] + "Z\u0308", "\u05d0\u05d1"]
BYTES_BAD = [b"\xc0\xaf", b"\xc0\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\x80", b"\xe2\x82", b"\xff"]


def write(target, name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    assert len(data) <= MAX, (name, len(data))
    folder = os.path.join(here, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def dot_seeds():
    write("dot", "hub-fan-out.gv",
          "digraph { hub -> {" + " ".join(f"n{i}" for i in range(2400)) + "} }\n")
    write("dot", "hub-fan-in.gv",
          "digraph { {" + " ".join(f"n{i}" for i in range(2400)) + "} -> hub [mw_tie=reports] }\n")
    write("dot", "parallel-ties.gv",
          "digraph {\n" + "a -> b\n" * 1500 + "b -> a [weight=2]\na -> a\n}\n")
    write("dot", "parallel-ties-strict.gv",
          "strict graph {\n" + "a -- b -- a\n" * 900 + "}\n")
    write("dot", "declared-defaults.gv",
          "digraph {\n"
          '  graph [label="G", mw_caption="c"]\n'
          '  node [label="' + "L" * 4000 + '", mw_kind=team, mw_org=Acme, shape=box]\n'
          "  edge [mw_tie=reports, weight=3]\n"
          "  a; b; c -> d\n"
          "  node [label=\"\\N\", mw_kind=person]\n"
          "  e -> f\n"
          "  subgraph cluster_u { node [mw_unit=U]; edge [mw_tie=checks]; g -> h }\n"
          "  node [label=<<b>html</b>>]\n"
          "  i\n"
          "}\n")
    coords = ["1e300,1e300", "-1e308,1e308!", "1.7976931348623157e308,0", "4.9e-324,-4.9e-324",
              "nan,nan", "inf,-inf", "1,2,3", "e,1,2 3,4 5,6 7,8", "0x1p1023,1", "99999999999999999999,1",
              ",", "1,", "-0,-0"]
    write("dot", "huge-coordinates.gv",
          "digraph {\n" + "".join(f'  n{i} [pos="{c}", width=1e300, height=-1]\n' for i, c in enumerate(coords))
          + '  n0 -> n1 [pos="e,1e300,1e300 0,0 1,1 2,2"]\n  n2 -> n3 [weight=1e300]\n}\n')
    depth = 62
    write("dot", "deep-clusters.gv",
          "digraph {\n" + "".join(f"subgraph cluster_{i} {{ label=\"U{i}\"; a{i}\n" for i in range(depth))
          + "}" * depth + "\n a0 -> a61\n}\n")
    write("dot", "deep-clusters-over-limit.gv",
          "digraph {\n" + "subgraph {" * 70 + "x" + "}" * 70 + "\n}\n")
    write("dot", "many-siblings.gv",
          "digraph {\n" + "".join(f"subgraph cluster_{i % 7} {{ n{i} }}\n" for i in range(400))
          + "{rank=same; n1 n2 n3}\n}\n")
    write("dot", "long-attribute-values.gv",
          'digraph {\n  a [label="' + "x\\\"y\\\\" * 1200 + '"]\n'
          '  b [mw_notes="' + "line\\n" * 600 + '", tooltip="' + "t" * 2000 + '"]\n'
          '  a -> b [label="' + "\\l" * 500 + '"]\n}\n')
    names = "".join(f'  "{s}" [label="{s}{s}"]\n' for s in UTF8_ODD).encode("utf-8")
    bad = b"".join(b'  "n' + bytes([48 + i]) + b'" [label="' + s + b'"]\n' for i, s in enumerate(BYTES_BAD))
    write("dot", "utf8-edge-cases.gv",
          b"digraph {\n" + names + bad + '  "\U0001F600" -> "\u202e"\n}\n'.encode("utf-8"))
    write("dot", "utf8-bom-latin1.gv",
          b"\xef\xbb\xbfdigraph { charset=latin1; \"caf\xe9\" -> \"na\xefve\" }\n")


def csv_seeds():
    people = ["id,name,manager,title,department"]
    people += ["1,Boss,,CEO,Board"] + [f"{i},P{i},{i - 1},T,D{i % 5}" for i in range(2, 700)]
    write("csv", "deep-chain.csv", "\n".join(people) + "\n")
    wide = ",".join(f"c{i}" for i in range(1200))
    write("csv", "too-many-columns.csv", "id,name\n1,a," + wide + "\n")
    write("csv", "long-cell.csv", 'id,name,notes\n1,Ann,"' + 'a ""q"" line\n' * 1000 + '"\n')
    write("csv", "fan-in.csv", "Employee ID,Full Name,Manager ID\n1,Boss,\n"
          + "".join(f"{i},P{i},1\n" for i in range(2, 900)))
    write("csv", "parallel-ties.csv", "source,target,type,weight\n" + "a,b,reports,1\n" * 600
          + "b,a,collaborates,1e308\na,a,checks,nan\n")
    write("csv", "cycle.csv", "id,name,manager\n1,A,3\n2,B,1\n3,C,2\n4,D,4\n5,E,99\n")
    write("csv", "utf16le-no-bom.csv", "id,name,manager\n1,Zo\u00eb,\n2,\u00c5sa,1\n".encode("utf-16-le"))
    write("csv", "nul-and-cr.csv", b"id,name\r\n1,A\x00nn\r\n2,B\rob\n3,\"C\"x\r\n")
    odd = "".join(f"{i},{s}x,1\n" for i, s in enumerate(UTF8_ODD, 2)).encode("utf-8")
    write("csv", "utf8-edge-cases.csv", b"\xef\xbb\xbfid,name,manager\n1,Boss,\n" + odd
          + b"".join(b"%d,%sx,1\n" % (i, s) for i, s in enumerate(BYTES_BAD, 50)))


def graphml_seeds():
    head = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
            '<key id="w" for="edge" attr.name="weight" attr.type="double"><default>1e308</default></key>\n'
            '<key id="k" for="node" attr.name="mw_kind" attr.type="string"><default>team</default></key>\n'
            '<key id="l" for="node" attr.name="label" attr.type="string"/>\n'
            '<key id="x" for="node" attr.name="x" attr.type="double"/>\n'
            '<key id="y" for="node" attr.name="y" attr.type="double"/>\n')
    write("graphml", "hub-and-parallel-edges.graphml",
          head + '<graph edgedefault="directed">\n<node id="hub"/>\n'
          + "".join(f'<node id="n{i}"/><edge source="hub" target="n{i}"/>\n' for i in range(200))
          + '<edge source="hub" target="n1"/>\n' * 100 + "</graph></graphml>\n")
    write("graphml", "huge-coordinates.graphml",
          head + '<graph edgedefault="undirected">\n'
          + "".join(f'<node id="n{i}"><data key="x">{x}</data><data key="y">{y}</data></node>\n'
                    for i, (x, y) in enumerate([("1e300", "-1e300"), ("NaN", "INF"), ("-0", "4.9e-324"),
                                                ("1.7976931348623157e308", "0x10"), ("", " 1 ")]))
          + '<edge source="n0" target="n1"><data key="w">-1e308</data></edge>\n</graph></graphml>\n')
    write("graphml", "nested-graphs.graphml",
          head + '<graph edgedefault="directed">\n'
          + "".join(f'<node id="g{i}"><graph id="g{i}:" edgedefault="directed">\n' for i in range(60))
          + '<node id="leaf"/>' + "</graph></node>\n" * 60 + "</graph></graphml>\n")
    write("graphml", "long-values-and-entities.graphml",
          head + '<graph edgedefault="directed">\n<node id="a"><data key="l">'
          + "&amp;&lt;&#x10FFFF;&#0;" * 300 + '</data></node>\n<node id="b"><data key="l"><![CDATA['
          + "]]]" * 1000 + "]]></data></node>\n</graph></graphml>\n")
    odd = "".join(f'<node id="{s}"><data key="l">{s}</data></node>\n' for s in UTF8_ODD if s).encode("utf-8")
    write("graphml", "utf8-edge-cases.graphml",
          head.encode("utf-8") + b'<graph edgedefault="directed">\n' + odd
          + b"".join(b'<node id="b%d"><data key="l">%s</data></node>\n' % (i, s) for i, s in enumerate(BYTES_BAD))
          + b"</graph></graphml>\n")


dot_seeds()
csv_seeds()
graphml_seeds()
