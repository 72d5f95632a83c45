"""Re-ranking backends: one `<name>_reranker.py` each (see pipeline/rerank.py)."""
