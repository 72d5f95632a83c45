"""The street images of a store's blog posts, paired with their shop listings, come back in one
order whatever order the crawl wrote them in: the demo makes its video from the first of them."""

from street2shop.core.store import Store
from street2shop.pipeline.pairs_eval import street_pairs

POSTS = ["https://blog.test/b-post/", "https://blog.test/a-post/"]


def _store(root, reverse: bool) -> Store:
    store = Store(root)
    order = (lambda rows: rows[::-1]) if reverse else (lambda rows: rows)
    images, post_images, post_items = [], [], []
    for p, post in enumerate(POSTS):
        for position in (0, 1):
            sha = f"{p}{position}" * 32
            images.append({"sha256": sha, "path": f"images/{sha[:2]}/{sha}.jpg"})
            post_images.append({"post_url": post, "position": position, "sha256": sha, "status": "ok"})
            post_items.append({"post_url": post, "item_index": position, "link_index": 0, "kind": "exact",
                               "image_position": position, "resolved_url": f"https://shop.test/{p}-{position}"})
    for table, rows in (("images", images), ("post_images", post_images), ("post_items", post_items)):
        for seq, row in enumerate(order(rows)):  # one part per row: the parts' order is the crawl's
            store.write_part(table, [row], run_id="r1", seq=seq, writer=f"w{seq if reverse else 9 - seq}")
    return store


def test_street_pairs_come_back_in_post_and_position_order_whatever_the_crawl_order(tmp_path):
    listings = {f"https://shop.test/{p}-{position}" for p in range(2) for position in (0, 1)}
    found = []
    for reverse in (False, True):
        images, outside = street_pairs(_store(tmp_path / str(reverse), reverse), listings)
        assert outside == 0
        found.append([(im.post_url, im.position) for im in images])
    assert found[0] == found[1] == [(POSTS[1], 0), (POSTS[1], 1), (POSTS[0], 0), (POSTS[0], 1)]
