"""The citation graph of a knowledge base for Gephi and other graph tools: documents and
cited instruments as nodes with their attributes, each document's mentions of an
instrument as one edge weighted by how many there are."""
from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import networkx as nx

from .audit import audit, instrument_key
from .records import document_of

FORMATS = {".gexf": nx.write_gexf, ".graphml": nx.write_graphml}


def _clean(attrs: dict) -> dict:
    """GEXF and GraphML hold strings, numbers and booleans, never null."""
    out = {}
    for key, value in attrs.items():
        if value is None or value == "" or isinstance(value, (list, dict)):
            continue
        out[key] = value
    return out


def citation_graph(records: list[dict]) -> nx.DiGraph:
    """Directed graph: document node -> instrument node, `weight` the mentions.

    Document nodes are keyed `doc:<doc_id>`, instrument nodes `ref:<instrument key>`;
    both carry `label` (what Gephi shows) and `node_type`.
    """
    graph = nx.DiGraph()
    citations = [{**c, "doc_id": r["doc_id"]} for r in records for c in r.get("citations") or []]
    documents = [document_of(r) for r in records]
    by_key = {row["key"]: row for row in audit(citations, documents)["cited_instruments"]}
    for record, doc in zip(records, documents):
        graph.add_node(f"doc:{doc['doc_id']}", **_clean({
            "label": doc.get("title") or Path(doc.get("source") or doc["doc_id"]).name,
            "node_type": "document", "doc_id": doc["doc_id"], "source": doc.get("source"),
            "kind": doc.get("kind"), "date": doc.get("date"), "year": _year(doc.get("date")),
            "issuer": doc.get("issuer"), "number": doc.get("number"), "citations": len(record.get("citations") or [])}))
    for key, row in sorted(by_key.items()):
        graph.add_node(f"ref:{key}", **_clean({
            "label": row["instrument"], "node_type": "instrument", "ref_id": row.get("ref_id"),
            "type": row.get("type"), "date": row.get("date"), "year": _year(row.get("date")),
            "issuer": row.get("issuer"), "issuer_level": row.get("issuer_level"),
            "mentions": row["mentions"], "documents": row["documents"]}))
    weights: Counter = Counter((c["doc_id"], instrument_key(c)) for c in citations)
    for (doc_id, key), n in sorted(weights.items()):
        graph.add_edge(f"doc:{doc_id}", f"ref:{key}", weight=n, mentions=n)
    return graph


def _year(date) -> int | None:
    return int(date[:4]) if isinstance(date, str) and date[:4].isdigit() else None


def write_graph(graph: nx.DiGraph, path: str | Path) -> None:
    """Write as .gexf or .graphml (by the extension), under a temporary name renamed into place."""
    path = Path(path)
    writer = FORMATS.get(path.suffix.lower())
    if writer is None:
        raise ValueError(f"{path}: unknown graph format '{path.suffix}'; use .gexf or .graphml")
    tmp = path.with_name(f".{path.name}.tmp")
    writer(graph, tmp)
    os.replace(tmp, path)
