"""Names of well-known fashion makers, and of shops that sell others' makes.

A post's product words do not say where a maker's name ends and the model's begins
("Converse Chuck Taylor sneakers", "Kenneth Jay Lane earrings", "Veronica Beard Miller Dickey"):
a name on this list says it. It also finds a maker named inside a garment's words that no other
rule read ("sac Le Chiquito de Jacquemus", "her tailored Whistles coat"). A retailer ("from
Net-a-Porter") sells the garment; it does not make it. The lists are general knowledge of the
trade, from high street to luxury, not taken from any page; a name missing here is still read by
the other rules (docs/architecture.md, "Blog posts").
"""

MAKERS = frozenset(line.strip() for line in """
& Other Stories
3.1 Phillip Lim
7 For All Mankind
A.L.C.
A.P.C.
Abercrombie & Fitch
Acler
Acne Studios
Adam et Rope
Ader Error
Adidas
Adolfo Domínguez
Adriana Degreas
Adrianna Papell
Aerie
Aeyde
AG Jeans
Agent Provocateur
Agnès b.
Agolde
Agua Bendita
Aigle
Aigner
Aimé Leon Dore
Aje
Akris
Alaïa
Alberta Ferretti
Alessandra Rich
Alex Mill
Alexander McQueen
Alexander Wang
Alice + Olivia
Alice McCall
Alighieri
AllSaints
Alo Yoga
Alpha Industries
Altuzarra
Altınyıldız
Alémais
Ambush
American Eagle
AMI Paris
Amina Muaddi
Anacapri
Anayi
Ancient Greek Sandals
Andersson Bell
Animale
Anine Bing
Anissa Kermiche
Ann Demeulemeester
Ann Taylor
Anne Klein
Anrealage
Anta
Anthropologie
Apuweiser-riche
Aquazzura
Arc'teryx
Arezzo
Ariat
Aritzia
Arket
Armani
Armani Exchange
Armedangels
Armor-Lux
Asics
ASOS Design
Aspinal of London
Athleta
Auguste
Autry
Axel Arigato
Ba&sh
Badgley Mischka
Balenciaga
Bally
Balmain
Banana Republic
Barbour
Bardot
Baserange
Bassike
BaubleBar
Baukjen
Baum und Pferdgarten
BCBGMaxAzria
BDG
Beams
Bec + Bridge
Bella Dahl
Ben Sherman
Benetton
Berluti
Bershka
Betty Barclay
Beymen
Beyond Yoga
Bimba y Lola
Birkenstock
Blumarine
Blundstone
Boden
Bonobos
Boohoo
Bosideng
Boss
Bottega Veneta
Boucheron
Brandon Maxwell
Brioni
Brixton
Brooks Brothers
Brunello Cucinelli
Buck Mason
Bulgari
Burberry
Bvlgari
By Far
By Malene Birger
C.P. Company
C/MEO Collective
Calvin Klein
Calzedonia
Camilla
Camper
Canada Goose
Canali
Carhartt
Carhartt WIP
Carina Duek
Carolina Herrera
Cartier
Carvela
Casadei
Castañer
Cath Kidston
Cecil McBee
Cecilie Bahnsen
Cefinn
Celford
Celine
Champion
Chanel
Charles & Keith
Charles Tyrwhitt
Charlotte Tilbury
Chico's
Chloé
Chopard
Christian Dior
Christian Louboutin
Christian Siriano
Christopher Esber
Christopher John Rogers
Christopher Kane
Christy Dawn
Cinq à Sept
Citizens of Humanity
Clarks
Claudie Pierlot
Cleobella
Club Monaco
Coach
Coccinelle
Cole Haan
Colin's
Columbia
Comme des Garçons
Common Projects
Comptoir des Cotonniers
Converse
Coperni
Cornelia James
Cortefiel
COS
Country Road
Courrèges
Covernat
Crocs
Cropp
Cult Gaia
Cutler and Gross
Cuyana
Damson Madder
David Yurman
Day Birger et Mikkelsen
Dazzlin
Decjuba
DeFacto
Delvaux
DeMellier
Derek Lam
Derimod
Desigual
Diadora
Diane von Furstenberg
Dickies
Dion Lee
Dior
Dissh
DKNY
Doen
Dolce & Gabbana
Dolce Vita
Donna Karan
Dorothee Schumacher
Dorothy Perkins
Dr. Martens
Drake's
Dries Van Noten
Drykorn
Dsquared2
Dudalina
Dôen
Earth Music & Ecology
earth music&ecology
Eastpak
Ecoalf
Eileen Fisher
Elie Saab
Elisabetta Franchi
Eliza J
Ellassay
Ellery
Ellesse
Eloquii
Emilia Wickstead
Emilio Pucci
Emoda
Emporio Armani
Equipment
Erdem
Eres
Ermanno Scervino
Ermenegildo Zegna
Escada
Esprit
Essentiel Antwerp
Etam
Etro
Eugenia Kim
Everlane
Express
Fabiana Filippi
Faherty
Faithfull the Brand
Falconeri
Farm Rio
Fashion Nova
FatFace
Fear of God
Fendi
Ferragamo
Fila
Filippa K
Finders Keepers
Fjällräven
For Love & Lemons
Forever 21
Fossil
FRAME
Franco Sarto
Frank And Oak
Fray I.D
Fred Perry
Free People
Frye
Furla
G-Star Raw
G.H. Bass
Gabriela Hearst
Ganni
Gap
Garrett Leight
Gelato Pique
Gentle Monster
Geox
Gerry Weber
Giambattista Valli
Gianvito Rossi
Gina Tricot
Ginger & Smart
Gino Rossi
Giorgio Armani
Girlfriend Collective
Giuseppe Zanotti
Givenchy
Glassons
Global Work
Golden Goose
Gorjana
Gorman
Goyard
GU
Gucci
Guess
Gymshark
H&M
Hackett
Hallhuber
Hanro
Havaianas
Hereu
Hering
Hermès
Herno
Herschel Supply
Herve Leger
Hervé Léger
Hill House
Hill House Home
Hobbs
Hoka
Hollister
Holzweiler
House of CB
House of Dagmar
Hudson Jeans
Hugo Boss
Hunter Bell
Hunza G
Icicle
Illesteva
Intimissimi
Ipekyol
Iro
Isabel Marant
Isabel Marant Étoile
Issey Miyake
J Brand
J.Crew
J.Crew Factory
J.Estina
J.Lindeberg
J.Press
J.W. Anderson
Jack & Jones
Jack Wills
Jack Wolfskin
Jacquemus
Jacques Marie Mage
Jaeger
James Perse
Janessa Leoné
JanSport
Jason Wu
Jean Paul Gaultier
Jeffrey Campbell
Jenni Kayne
Jennifer Behr
Jennifer Fisher
Jenny Packham
Jigsaw
Jil Sander
Jill by Jillstuart
Jill Stuart
Jimmy Choo
JNBY
Johanna Ortiz
John Smedley
Joie
Jonathan Simkhai
Joseph
Journal Standard
Junya Watanabe
Juun.J
JW Anderson
JW PEI
K-Swiss
K.Jacques
Kapital
Karen Millen
Kate Spade
Kazar
Keds
Kendra Scott
Kenneth Cole
Kenneth Jay Lane
Kenzo
Khaite
Kimhekim
Kingsland
Kipling
Kirsh
Kith
Kiton
Kitri
Kiğılı
Kookai
Koton
Krewe
Kurt Geiger
L'Agence
L.K.Bennett
Lack of Color
Lacoste
Lala Berlin
Lancaster
Lancel
Lane Bryant
Lanvin
LaQuan Smith
Larroudé
Laura Lombardi
Lauren Ralph Lauren
LC Waikiki
Le Coq Sportif
Le Lis Blanc
Le Silla
Le Specs
Lele Sadoughi
Lemaire
Leo & Lin
Levi Strauss
Levi's
Li-Ning
Liebeskind Berlin
Lilly Pulitzer
Lily Brown
Linda Farrow
Lindex
Lioness
Lisa Marie Fernandez
Little Liffner
Liu Jo
LK Bennett
Loeffler Randall
Loewe
LOFT
Lola Casademunt
Longchamp
Loro Piana
Louboutin
Louis Vuitton
Love Moschino
Lovers + Friends
LoveShackFancy
Low Classic
Lowrys Farm
Lucky Chouette
Lufian
Lululemon
Lulus
M&S
Machka
Mackintosh Philosophy
Madewell
Mads Nørgaard
Magda Butrym
Magrit
Maison Margiela
Maje
Majorelle
Mame Kurogouchi
Mango
Mango Man
Manning Cartell
Manolo Blahnik
Mansur Gavriel
Manu Atelier
Mara Hoffman
Marc Jacobs
Marc O'Polo
Marchesa
Marciano
Mardi Mercredi
Marella
Margiela
Maria Filó
Maria Tash
Marimekko
Marina Rinaldi
Marine Layer
Marine Serre
Marisfrolg
Marks & Spencer
Marni
Mary Katrantzou
Maryam Nassir Zadeh
Massimo Dutti
Matin Kim
Mavi
Max Mara
Max Mara Weekend
MCM
Me+Em
ME+EM
Mejuri
Melissa
Mercuryduo
Meshki
Metrocity
Michael Kors
Mila Owen
Milly
Mimco
Mint Velvet
MISBHV
Miss Selfridge
Missguided
Missoma
Missoni
Miu Miu
Mizuno
Mo&Co.
Mohito
Molly Goddard
Moncler
Monica Vinader
Monique Lhuillier
Monki
Monnari
Moschino
Mother
Mother Denim
Moussy
Moynat
MSGM
Mudo
Mugler
Muji
Mulberry
Munthe
Naadam
Naf Naf
Nano Universe
Nanushka
Nasty Gal
Nation LTD
Natural Beauty Basic
Naturalizer
Nautica
Needle & Thread
Never Fully Dressed
New Balance
New Look
Nicole Miller
Nike
Niko and...
Nili Lotan
Nina Ricci
Nine West
Nobody's Child
Noisy May
Norse Projects
Notes du Nord
Nudie Jeans
N°21
Oakley
Ochnik
Off-White
Oh Polly
Old Navy
Oliver Peoples
Onitsuka Tiger
Orlebar Brown
Oroton
Oscar de la Renta
Osklen
Our Legacy
Outdoor Voices
Outerknown
Oysho
Paco Rabanne
Paige
Palm Angels
Paloma Wool
Pandora
Parfois
Patagonia
PatBO
Patou
Patrizia Pepe
Paul Smith
Peacebird
Pedro del Hierro
Pennyblack
Penti
Pepe Jeans
Persol
Peserico
Petit Bateau
Phase Eight
Philipp Plein
Phillip Lim
Philosophy di Lorenzo Serafini
Phoebe Philo
Pinko
Pleats Please
Plst
Polo Ralph Lauren
Polène
Prabal Gurung
Prada
Pretty Ballerinas
PrettyLittleThing
Princess Polly
Proenza Schouler
Promod
Proportion Body Dressing
Pull&Bear
Puma
Purificación García
Pyer Moss
Quay
Quiosque
Rabanne
Radley
Rag & Bone
Rains
Ralph Lauren
Ramy Brook
Ray-Ban
RE/DONE
Re/Done
Realisation Par
Rebecca Minkoff
Rebecca Vallance
Red Wing
Reebok
Reem Acra
Reformation
Reiss
René Caovilla
Repetto
Reserved
Rest & Recreation
Rich & Royal
Richard Quinn
Rick Owens
Rienda
Rirandture
River Island
Rixo
Rixo London
Roberto Cavalli
Rochas
Rodeo Crowns
Roger Vivier
Rokh
Roksanda
Rosie Assoulin
Rotate Birger Christensen
Rouje
Rowing Blazers
Russell & Bromley
Ryłko
Réalisation Par
s.Oliver
Sabo Skirt
Sacai
Sail to Sable
Saint James
Saint Laurent
Saks Potts
Salomon
Salvatore Ferragamo
Sam Edelman
Samantha Thavasa
Samsonite
Samsøe Samsøe
Sandro
Sarah Flint
Sass & Bide
Saucony
Savage X Fenty
Scanlan Theodore
Schiaparelli
Schott
Schott NYC
Schutz
Scotch & Soda
Sea New York
Seafolly
Seasalt
Sebago
See by Chloé
Seed Heritage
Selected Femme
Self-Portrait
Selkie
Sentaler
Sergio Hudson
Sergio Rossi
Sessùn
Shein
Shona Joy
Show Me Your Mumu
Silvia Tcherassi
Simkhai
Simone Rocha
Sinsay
Sir the Label
Skims
Sleeper
SNIDEL
Soeur
Solid & Striped
Sonia Rykiel
Sophia Webster
Sophie Bille Brahe
Sophie Buhai
Sorel
Spanx
Sperry
Splendid
Sportmax
Sportscraft
Sportsgirl
St. John
Stand Oil
Stand Studio
Staud
Stella McCartney
Steve Madden
Stine Goya
Stone Island
Stradivarius
Strathberry
Strenesse
Stuart Weitzman
Studio Clip
Stüssy
Suitsupply
Sunspel
Superdown
Superdry
Superga
Swarovski
Sweaty Betty
Sézane
Tahari
Talbots
Talulah
Tatuum
Taylor Stitch
Tecovas
Ted Baker
Telfar
Temperley
Temperley London
Teva
The Attico
The Fold
The Frankie Shop
The Kooples
The North Face
The Row
Theory
Thisisneverthat
Thom Browne
Tibi
Tiffany & Co.
Tiger of Sweden
Timberland
Tod's
Todd Snyder
Tom Ford
Tom Greyhound
Tom Tailor
Tommy Hilfiger
Tomorrowland
Topman
Topshop
Torrid
Tory Burch
Toteme
Toteme Studio
Totême
Trenery
Trina Turk
Tsumori Chisato
Tuckernuck
Twinset
UGG
Ulla Johnson
Uma Wang
Under Armour
Uniqlo
United Arrows
United Colors of Benetton
Universal Standard
Urban Outfitters
Urban Research
Urban Revivo
Uterqüe
Vakko
Valentino
Valentino Garavani
Valextra
Van Cleef
Van Cleef & Arpels
Vanessa Bruno
Vans
Veja
Velvet by Graham & Spencer
Vera Wang
Vero Moda
Veronica Beard
Veronika Maine
Versace
Victoria Beckham
Victoria's Secret
Vilebrequin
Vince
Vince Camuto
Vineyard Vines
Vistula
Visvim
Vivara
Vivienne Westwood
Vuori
Wales Bonner
Wallis
Wandler
Warby Parker
Wardrobe.NYC
Weekday
Weekend Max Mara
Whistles
White House Black Market
White Stuff
Wiggy Kit
Witchery
Wittchen
Wolf & Badger
Wolford
Wood Wood
Woolrich
Wooyoungmi
Wrangler
Yargıcı
Yohji Yamamoto
Yuzefi
Yves Saint Laurent
Z Supply
Zadig & Voltaire
Zara
Zara Home
Zegna
Zimmermann
Zuhair Murad
""".splitlines() if line.strip())

RETAILERS = frozenset(line.strip() for line in """
Amazon
Zappos
Macy's
Kohl's
Dillard's
Bergdorf Goodman
FWRD
Moda Operandi
Lyst
Arnotts
Brown Thomas
Galeries Lafayette
Printemps
La Redoute
About You
Breuninger
Peek & Cloppenburg
De Bijenkorf
Wehkamp
Answear
Modivo
Boozt
Nelly
Dafiti
Netshoes
Liverpool
El Palacio de Hierro
Myntra
Ajio
Nykaa Fashion
Zalora
Musinsa
29CM
W Concept
SSG
SSG닷컴
Lotte ON
ZOZOTOWN
Namshi
Ounass
The Iconic
David Jones
Myer
Hudson's Bay
Simons
Sporting Life
Inno
Fashion Days
Notos
Trendyol
ASOS
Bloomingdale's
Revolve
Etsy
eBay
Farfetch
Harrods
John Lewis
Liberty
Matches
MatchesFashion
Mytheresa
Neiman Marcus
Net-a-Porter
Nordstrom
Poshmark
Saks
Saks Fifth Avenue
Selfridges
Shopbop
SSENSE
The RealReal
Vestiaire Collective
Zalando
""".splitlines() if line.strip())

#: Listed makers whose name is also an everyday word or a given name ("Mother", "Camilla", "Whistles"):
#: such a name is a maker's only beside a product's words ("Mother Tomcat jeans", "her Whistles coat").
AMBIGUOUS = frozenset("""
Aerie Aigle Aigner Alighieri Ambush Animale Anta Arezzo Autry Bally Bardot Beams Boden Bonobos Boss Brixton
Camilla Camper Canali Champion Coach Coccinelle Columbia Converse Crocs Desigual Dickies Equipment Eres Escada
Express Fossil Frame Frye Gap Gorman GU Guess Hackett Hering Hobbs Hollister Icicle Iro Jaeger Jigsaw Joie Joseph
Kapital Kingsland Lancaster Lioness Lulus Marchesa Marciano Marella Mavi Melissa Milly Mohito Mother Munthe Oakley
Pandora Paige Parfois Patagonia Pinko Puma Quay Reiss Repetto Reserved Rienda Rochas Salomon Sandro Seasalt Selkie
Skims Sleeper Soeur Splendid Talulah Theory Torrid Twinset Vans Vince Vistula Wallis Wandler Weekday Whistles
Wrangler Auguste Mango Rains
""".split())
