"""The evidence graph: one claim across many articles, its independent origins, its denials.

Derived from the store article by article (`sync`), read by `claims`,
`brief` and the exports. See docs/graph.md.
"""
from claimgraph.graph import store_hooks  # noqa: F401  (registers the graph's migration steps with the store)
from claimgraph.graph.brief import answer
from claimgraph.graph.embed import HashEmbedder, UseEmbedder, default_embedder
from claimgraph.graph.mentions import claim_mentions
from claimgraph.graph.query import select_claim_ids, summaries
from claimgraph.graph.sync import rebuild, sync
from claimgraph.graph.update import GraphUpdater

__all__ = ["GraphUpdater", "HashEmbedder", "UseEmbedder", "answer", "claim_mentions", "default_embedder", "rebuild",
           "select_claim_ids", "summaries", "sync"]
