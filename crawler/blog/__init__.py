"""Show-fashion blog posts: what a post says (extract.py) and where its links lead (resolve.py)."""
