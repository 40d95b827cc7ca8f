"""serve: the REST API (/v1) and the web pages over one store (`claimgraph serve`)."""
from claimgraph.serve.app import create_app

__all__ = ["create_app"]
