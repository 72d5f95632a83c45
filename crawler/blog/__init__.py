"""Show-fashion blog posts: what a post says (posts.py, with garments.py, brands.py and metadata.py)
and where its links lead (resolve.py)."""
