/** Word lists for synthetic China–Russia trade facts: goods by topic, organisations, facilities, units, verbs. */

export const COMMODITIES_BY_TOPIC: Readonly<Record<string, readonly string[]>> = {
  energy: [
    "crude oil", "natural gas", "liquefied natural gas", "pipeline gas", "coal", "thermal coal", "coking coal",
    "anthracite", "diesel fuel", "jet fuel", "fuel oil", "naphtha", "liquefied petroleum gas", "petroleum coke",
    "electricity", "uranium", "bitumen", "gasoline", "lignite", "kerosene", "heating oil", "gas condensate",
    "hydrogen", "biodiesel", "wood pellets",
  ],
  agriculture: [
    "soybeans", "wheat", "barley", "corn", "rapeseed", "rapeseed oil", "sunflower oil", "sunflower seeds", "flaxseed",
    "buckwheat", "oats", "rice", "peas", "lentils", "chickpeas", "soybean meal", "pork", "beef", "mutton", "poultry",
    "chicken paws", "dairy products", "milk powder", "butter", "cheese", "honey", "ice cream", "chocolate",
    "confectionery", "flour", "pasta", "sugar", "tea", "green tea", "apples", "pears", "citrus fruit", "mandarins",
    "grapes", "garlic", "onions", "potatoes", "cabbage", "tomatoes", "mushrooms", "pine nuts", "walnuts",
    "frozen fish", "pollock", "cod", "salmon", "king crab", "snow crab", "shrimp", "squid", "sea cucumbers",
    "scallops", "seaweed", "beer", "vodka", "mineral water", "soft drinks", "animal feed", "fishmeal",
    "cattle hides", "wool",
  ],
  metals: [
    "iron ore", "steel", "rolled steel", "rebar", "steel pipes", "pig iron", "scrap metal", "aluminium", "alumina",
    "copper", "copper cathodes", "nickel", "palladium", "platinum", "gold", "silver", "titanium", "zinc", "lead",
    "tin", "cobalt", "lithium", "rare earths", "ferroalloys", "ferrochrome", "manganese ore", "chromium ore",
    "molybdenum", "tungsten", "magnesium", "silicon metal", "graphite", "diamonds",
  ],
  chemicals: [
    "fertilisers", "potash", "urea", "ammonia", "ammonium nitrate", "phosphates", "sulphur", "methanol",
    "polyethylene", "polypropylene", "PVC", "synthetic rubber", "natural rubber", "caustic soda", "carbon black",
    "paint", "pesticides", "pharmaceuticals", "vaccines", "medical supplies", "cosmetics", "detergents", "plastics",
    "glass", "cement",
  ],
  timber: [
    "roundwood", "sawn timber", "plywood", "pulp", "paper", "cardboard", "fibreboard", "particle board", "veneer",
    "birch logs", "larch", "pine lumber", "wood chips", "furniture", "prefabricated wooden houses",
  ],
  machinery: [
    "cars", "passenger cars", "trucks", "buses", "excavators", "bulldozers", "cranes", "tractors",
    "combine harvesters", "forklifts", "machine tools", "diesel engines", "turbines", "bearings", "pumps",
    "compressors", "locomotives", "railway wagons", "freight wagons", "ships", "aircraft parts", "helicopters",
    "drilling rigs", "mining equipment", "agricultural machinery", "electric motors", "transformers", "cables",
    "power equipment", "industrial robots", "electric vehicles", "auto parts", "tyres", "motorcycles",
  ],
  "consumer-goods": [
    "smartphones", "laptops", "tablets", "semiconductors", "microchips", "printed circuit boards", "solar panels",
    "lithium batteries", "LED lighting", "televisions", "refrigerators", "air conditioners", "washing machines",
    "vacuum cleaners", "microwave ovens", "household appliances", "game consoles", "drones", "textiles",
    "garments", "footwear", "sportswear", "winter clothing", "toys", "ceramics", "glassware", "tableware",
    "cookware", "bicycles", "umbrellas", "luggage", "jewellery", "watches", "perfume", "stationery",
    "phone accessories",
  ],
};

/** Other names people use for some goods; they become fact aliases. */
export const COMMODITY_ALIASES: Readonly<Record<string, string>> = {
  "liquefied natural gas": "LNG",
  "liquefied petroleum gas": "LPG",
  "pipeline gas": "piped gas",
  gasoline: "petrol",
  soybeans: "soya",
  corn: "maize",
  aluminium: "aluminum",
  "sawn timber": "lumber",
  smartphones: "mobile phones",
  microchips: "chips",
  "rare earths": "rare earth metals",
  "printed circuit boards": "PCBs",
  "electric vehicles": "EVs",
  fertilisers: "fertilizers",
  PVC: "polyvinyl chloride",
  "crude oil": "oil",
  "iron ore": "ore",
  "king crab": "crab",
};

export const INDUSTRIES: readonly string[] = [
  "automotive", "shipbuilding", "e-commerce", "cold-chain", "grain", "petrochemical", "timber processing",
  "pharmaceutical", "electronics", "textile", "agricultural", "mining", "logistics", "fisheries", "dairy",
  "meat processing", "aviation", "tourism", "banking", "insurance", "software", "rail freight", "warehousing",
  "cross-border payments", "steel", "solar", "battery", "fertiliser", "furniture", "food processing",
];

export const FACILITIES: readonly string[] = [
  "logistics hub", "warehouse", "bonded warehouse", "assembly plant", "processing plant", "trade centre",
  "representative office", "distribution centre", "container terminal", "grain terminal", "industrial park",
  "research centre", "showroom", "cold storage facility",
];

export const ORGANISATION_KINDS: readonly string[] = [
  "Customs", "Chamber of Commerce", "Railway Bureau", "Port Authority", "Trade Development Agency",
  "Grain Corporation", "Energy Holding", "Mining Group", "Logistics Company", "Free Trade Zone Administration",
  "Commodity Exchange", "Development Bank", "Machinery Works", "Timber Holding", "Agricultural Cooperative",
  "Investment Fund", "Shipping Company", "Statistics Office", "Auto Group", "Electronics Corporation",
];

export const PUBLISHERS: readonly string[] = [
  "General Administration of Customs", "Federal Customs Service", "Ministry of Commerce",
  "Ministry of Economic Development", "Russian Railways", "China State Railway Group", "Border Trade Monitor",
  "Eurasian Trade Review",
];

export const MONTHS: readonly string[] = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];

export const VALUE_UNITS: readonly string[] = [
  "billion yuan", "million yuan", "million dollars", "billion dollars", "billion rubles", "million euros",
];

export const VOLUME_UNITS: readonly string[] = ["million tonnes", "thousand tonnes", "tonnes"];

export const RISE_VERBS: readonly string[] = ["rose", "grew", "climbed", "increased", "surged", "jumped", "expanded"];

export const FALL_VERBS: readonly string[] = ["fell", "declined", "dropped", "slipped", "decreased", "contracted"];

export const TOTAL_VERBS: readonly string[] = ["reached", "totalled", "exceeded", "hit", "amounted to"];

export const DEAL_KINDS: readonly string[] = [
  "contract", "supply agreement", "framework agreement", "memorandum of understanding", "loan agreement",
];
