"""Word lists the post readers share (lower case)."""

#: Words that describe a garment rather than name its maker: where a link reads "Zara Leather
#: Boots", the brand is the words before the first of these (or before the first lowercase word);
#: nor can a category made of them ("Leather Boots") be a show.
DESCRIPTORS = frozenset("""
dress dresses skirt skirts top tops tee tees t shirt shirts blouse blouses jumper jumpers sweater sweaters
cardigan cardigans knit knits knitwear jacket jackets coat coats blazer blazers trench parka gilet vest
hoodie sweatshirt trousers pants jeans chinos shorts leggings joggers jumpsuit playsuit suit bodysuit polo
overshirt bomber puffer biker boots boot shoes shoe sneakers trainers loafers pumps heels sandals mules
flats courts bag bags tote clutch scarf hat cap beanie belt earrings hoops necklace bracelet ring
sunglasses watch tank camisole cami sling slip
leather suede wool cashmere merino mohair alpaca cotton linen silk satin denim corduroy velvet tweed
twill poplin jersey crepe crêpe chiffon georgette lace sequin knitted cable ribbed faux organic recycled
nylon fleece shearling canvas patent blend
relaxed slim skinny straight wide leg oversized cropped classic boxy tailored wrap pleated utility
everyday vintage soft structured essential fluid premium printed belted buttoned breasted longline midi
maxi mini high low rise chunky ankle knee chelsea combat fitted flared bootcut long short sleeveless
puff sleeve neck crew crewneck collared quilted padded lightweight original signature
black white cream ivory beige camel tan brown chocolate grey gray navy blue red pink green olive khaki
yellow orange purple lilac burgundy gold silver floral striped check plaid
""".split())

#: The garments themselves among those words: a link reading "Sandro blazer" names one.
GARMENTS = frozenset("""
dress dresses skirt skirts top tops tee tees shirt shirts blouse blouses jumper jumpers sweater sweaters
cardigan cardigans jacket jackets coat coats blazer blazers trench parka gilet vest hoodie sweatshirt
trousers pants jeans chinos shorts leggings joggers jumpsuit playsuit suit bodysuit polo overshirt bomber
puffer boots boot shoes shoe sneakers trainers loafers pumps heels sandals mules flats bag bags tote clutch
scarf hat cap beanie belt earrings hoops necklace bracelet ring sunglasses watch tank camisole cami
""".split())

#: Taxonomy and phrase words that never name a show on their own ("TV Fashion", "Home").
GENERIC = frozenset("""
uncategorized uncategorised general misc home blog journal news magazine diary post posts article articles
story stories featured feature features latest all tv television show shows series season seasons episode
episodes fashion style styles outfit outfits look looks celebrity celebrities celeb women men womens mens
womenswear menswear clothing clothes wardrobe recap recaps review reviews shopping shop the and of on in
get what wore worn costume costumes film films movie movies
netflix hbo max hulu bbc itv channel amazon prime apple disney peacock paramount instagram tiktok youtube pinterest
twitter facebook
""".split())

#: Days and months: "Maya's coat on Monday" names a day. Only running text is checked against
#: them, since a show may well be called "Wednesday".
CALENDAR = frozenset("""
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december
""".split())
