"""Images to a catalog and matches: normalise, de-duplicate, detect, embed, index, match, eval."""

import os

# oneDNN (torch's CPU convolutions) keeps a compiled primitive for every input shape it meets,
# up to 1,024; photos of many sizes and batches of varying garment counts made a long matching
# run grow by gigabytes (docs/architecture.md). 16 keeps memory flat at the same speed.
os.environ.setdefault("ONEDNN_PRIMITIVE_CACHE_CAPACITY", "16")
