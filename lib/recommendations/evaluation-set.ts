/**
 * The labelled evaluation set: pairs of demo organisations
 * (prisma/demo/clusters.ts) judged as good or poor partners for the first
 * one ("source"), each with why, from the profiles as a cluster manager would
 * read them, not from the score. evaluation.integration.test.ts computes
 * precision at 5 over the sources (docs/RECOMMENDATIONS.md).
 *
 * Poor pairs are chosen to be tempting for a naive ranking (a shared
 * ecosystem or sector, a target country) or plainly unrelated fields.
 */
export type EvaluationPair = {
  source: string;
  candidate: string;
  label: "good" | "poor";
  why: string;
};

export const EVALUATION_SET: readonly EvaluationPair[] = [
  // Øresund (DK, health): offers a clinical-trial network; seeks AI for drug discovery and US venture capital.
  { source: "oresund-biobridge-cluster", candidate: "deccan-ai-health-cluster", label: "good", why: "Their AI for drug discovery is what we seek; our trial network is what they seek." },
  { source: "oresund-biobridge-cluster", candidate: "kendall-bridge-life-sciences", label: "good", why: "US venture investment for biotech, and they seek European clinical-trial networks." },
  { source: "oresund-biobridge-cluster", candidate: "carmel-digital-health-cluster", label: "good", why: "AI and machine learning for health; they seek trial networks in Europe." },
  { source: "oresund-biobridge-cluster", candidate: "chianti-hills-wine-cluster", label: "poor", why: "Wine and tourism: nothing to exchange with a biotech cluster." },
  { source: "oresund-biobridge-cluster", candidate: "granite-city-energy-transition", label: "poor", why: "Offshore energy; shares only broad sectors (manufacturing, R&D)." },
  { source: "oresund-biobridge-cluster", candidate: "rhone-infectio-biotech-pole", label: "good", why: "They seek clinical-trial networks in Nordic countries and target Denmark." },
  { source: "oresund-biobridge-cluster", candidate: "skane-life-science-corridor", label: "poor", why: "A neighbour with the same offer (trial networks) and the same need (AI partners): a rival for partners, not a complement." },
  { source: "oresund-biobridge-cluster", candidate: "tomsk-nanomed-cluster", label: "good", why: "They seek clinical validation and clinical research partners abroad, which our trial network offers." },
  { source: "oresund-biobridge-cluster", candidate: "uppsala-biologics-network", label: "poor", why: "Biomanufacturing next door; they seek trial partners in India and Brazil, we seek AI and investors." },

  // Deccan (IN, digital + health): offers AI for drug discovery; seeks Nordic market entry and trial networks.
  { source: "deccan-ai-health-cluster", candidate: "oresund-biobridge-cluster", label: "good", why: "A Nordic clinical-trial network to validate their models." },
  { source: "deccan-ai-health-cluster", candidate: "skane-life-science-corridor", label: "good", why: "Swedish trial networks; they seek AI and big-data partners." },
  { source: "deccan-ai-health-cluster", candidate: "rhone-infectio-biotech-pole", label: "good", why: "Seek AI partners for diagnostics and target India." },
  { source: "deccan-ai-health-cluster", candidate: "atacama-green-hydrogen-mining", label: "poor", why: "Hydrogen and mining: no health or software need." },
  { source: "deccan-ai-health-cluster", candidate: "kazan-software-cyber-cluster", label: "poor", why: "Also digital, but e-government and fintech software: a competitor for the same clients, not a partner." },
  { source: "deccan-ai-health-cluster", candidate: "uppsala-biologics-network", label: "good", why: "They seek clinical research partners in India." },
  { source: "deccan-ai-health-cluster", candidate: "novosibirsk-biophotonics-cluster", label: "poor", why: "Also sells machine-learning outsourcing, and targets Asia, not the Nordic markets Deccan wants." },
  { source: "deccan-ai-health-cluster", candidate: "carmel-digital-health-cluster", label: "poor", why: "Same offer (AI for health) and same goal (Nordic market entry): a competitor." },
  { source: "deccan-ai-health-cluster", candidate: "jutland-medtech-collective", label: "good", why: "Danish hospital testbeds with clinical validation, where Deccan can validate its models." },
  { source: "deccan-ai-health-cluster", candidate: "tallinn-cybergov-cluster", label: "poor", why: "E-government and identity: no health link." },

  // Apuan (IT, stone): offers CNC stone technology; seeks quarry partners in India and Turkey.
  { source: "apuan-marble-stone-cluster", candidate: "kishangarh-marble-granite", label: "good", why: "Indian marble units seek exactly our stone processing machinery." },
  { source: "apuan-marble-stone-cluster", candidate: "uludag-automotive-textile", label: "good", why: "Turkish cluster seeking natural stone and design partners in Italy." },
  { source: "apuan-marble-stone-cluster", candidate: "oulu-wireless-electronics", label: "poor", why: "Wireless electronics: unrelated to stone." },
  { source: "apuan-marble-stone-cluster", candidate: "nairobi-fintech-mobile-money", label: "poor", why: "Mobile money: unrelated to stone." },
  { source: "apuan-marble-stone-cluster", candidate: "espoo-cleantech-circular", label: "good", why: "They seek marble processors with waste problems for their recycling solutions." },
  { source: "apuan-marble-stone-cluster", candidate: "nashik-agro-food-cluster", label: "poor", why: "Agro-food; shares target countries only." },
  { source: "apuan-marble-stone-cluster", candidate: "granite-city-energy-transition", label: "poor", why: "Offshore energy; shares only the broad energy-intensive ecosystem." },
  { source: "apuan-marble-stone-cluster", candidate: "atacama-green-hydrogen-mining", label: "poor", why: "Copper and lithium mining with hydrogen: no stone processing." },
  { source: "apuan-marble-stone-cluster", candidate: "macae-offshore-supply-chain", label: "poor", why: "Offshore oil and gas services." },
  { source: "apuan-marble-stone-cluster", candidate: "basque-wind-components-cluster", label: "poor", why: "Wind turbine components." },

  // Macaé (BR, offshore): seeks North Sea subsea know-how and offshore wind partners.
  { source: "macae-offshore-supply-chain", candidate: "granite-city-energy-transition", label: "good", why: "Aberdeen subsea robotics and decommissioning; they seek Brazilian offshore market entry." },
  { source: "macae-offshore-supply-chain", candidate: "basque-wind-components-cluster", label: "good", why: "Offshore wind components; they seek offshore wind supply chains in Brazil." },
  { source: "macae-offshore-supply-chain", candidate: "tallinn-cybergov-cluster", label: "poor", why: "E-government software: no offshore link." },
  { source: "macae-offshore-supply-chain", candidate: "milan-design-product-network", label: "poor", why: "Consumer product design: no offshore link." },
  { source: "macae-offshore-supply-chain", candidate: "elbe-hydrogen-wind-cluster", label: "good", why: "Offshore wind and hydrogen engineering, which Macaé seeks for its supply chains." },
  { source: "macae-offshore-supply-chain", candidate: "busan-hydrogen-maritime", label: "good", why: "Hydrogen ships and ports; they seek offshore wind supply-chain partners." },
  { source: "macae-offshore-supply-chain", candidate: "atacama-green-hydrogen-mining", label: "poor", why: "Also looking for hydrogen technology; neither offers what the other lacks." },
  { source: "macae-offshore-supply-chain", candidate: "espoo-cleantech-circular", label: "poor", why: "Battery recycling and industrial waste: not offshore." },

  // Odisha (IN, seafood): seeks aquaculture technology and cold-chain logistics.
  { source: "odisha-seafood-aquaculture", candidate: "hordaland-aquaculture-technology", label: "good", why: "Aquaculture disease control and recirculating systems; they seek shrimp producers in India." },
  { source: "odisha-seafood-aquaculture", candidate: "veluwe-agri-food-innovation", label: "good", why: "Food processing and cold-chain pilots; they seek Indian sourcing partners." },
  { source: "odisha-seafood-aquaculture", candidate: "subcarpathian-aero-parts", label: "poor", why: "Aircraft parts: unrelated to seafood." },
  { source: "odisha-seafood-aquaculture", candidate: "straits-fintech-logistics", label: "poor", why: "Fintech sandbox; targets India but offers nothing for aquaculture." },
  { source: "odisha-seafood-aquaculture", candidate: "piracicaba-agtech-cluster", label: "poor", why: "Precision agriculture for sugarcane and coffee: not aquaculture." },
  { source: "odisha-seafood-aquaculture", candidate: "chianti-hills-wine-cluster", label: "poor", why: "Wine and tourism: nothing for shrimp farms." },
  { source: "odisha-seafood-aquaculture", candidate: "negev-agriwater-cluster", label: "good", why: "Desert aquaculture and water technologies; they seek Indian agro-food clusters for pilots." },

  // Yiwu (CN, consumer goods): seeks European distribution and logistics.
  { source: "yiwu-commodities-export-cluster", candidate: "rhine-maas-logistics-gateway", label: "good", why: "European distribution for Asian exporters of consumer goods." },
  { source: "yiwu-commodities-export-cluster", candidate: "milan-design-product-network", label: "good", why: "Design for consumer goods; they seek manufacturing partners in Asia for home goods." },
  { source: "yiwu-commodities-export-cluster", candidate: "tomsk-nanomed-cluster", label: "poor", why: "Medical implants: unrelated to consumer goods export." },
  { source: "yiwu-commodities-export-cluster", candidate: "atacama-green-hydrogen-mining", label: "poor", why: "Hydrogen and mining: unrelated." },
  { source: "yiwu-commodities-export-cluster", candidate: "espoo-cleantech-circular", label: "good", why: "Circular economy know-how, which Yiwu seeks for recyclable packaging." },
  { source: "yiwu-commodities-export-cluster", candidate: "bajio-automotive-suppliers", label: "poor", why: "Automotive parts; shares only a target country." },
  { source: "yiwu-commodities-export-cluster", candidate: "straits-fintech-logistics", label: "poor", why: "A fintech sandbox in Singapore; Yiwu needs European buyers and logistics." },
  { source: "yiwu-commodities-export-cluster", candidate: "amazonas-electronics-cluster", label: "poor", why: "Electronics assembly in Brazil: neither distribution nor buyers." },
  { source: "yiwu-commodities-export-cluster", candidate: "arno-valley-leather-fashion", label: "poor", why: "Luxury leather; seeks buyers in Asia, not consumer goods." },

  // Kazan (RU, software): seeks market entry in Kazakhstan, Turkey and the Gulf.
  { source: "kazan-software-cyber-cluster", candidate: "astana-digital-hub-cluster", label: "good", why: "Market entry in Central Asia; they seek software partners from Russia." },
  { source: "kazan-software-cyber-cluster", candidate: "chianti-hills-wine-cluster", label: "poor", why: "Wine tourism: nothing for a software cluster." },
  { source: "kazan-software-cyber-cluster", candidate: "bajio-automotive-suppliers", label: "poor", why: "Automotive stamping and harnesses: unrelated." },
  { source: "kazan-software-cyber-cluster", candidate: "deccan-ai-health-cluster", label: "poor", why: "Digital too, but health AI aimed at the Nordic markets: no common market or need." },
  { source: "kazan-software-cyber-cluster", candidate: "tallinn-cybergov-cluster", label: "poor", why: "The same offer (cybersecurity, e-government) for the same markets: a competitor." },
  { source: "kazan-software-cyber-cluster", candidate: "nairobi-fintech-mobile-money", label: "poor", why: "Seeks investors in Singapore and Europe; none of Kazan's target markets." },
  { source: "kazan-software-cyber-cluster", candidate: "straits-fintech-logistics", label: "poor", why: "Seeks European cybersecurity firms for South-East Asia, where Kazan is not going." },
  { source: "kazan-software-cyber-cluster", candidate: "alpes-micro-photonics-pole", label: "poor", why: "Semiconductors and photonics." },

  // Neckar (DE, automation): offers Industry 4.0; seeks precision machining suppliers in India and Central Europe.
  { source: "neckar-automation-cluster", candidate: "bengaluru-precision-machining", label: "good", why: "Indian precision machining; they seek Industry 4.0 partners from Germany." },
  { source: "neckar-automation-cluster", candidate: "moravian-automotive-ev", label: "good", why: "Czech supplier base seeking German Industry 4.0 partners." },
  { source: "neckar-automation-cluster", candidate: "bajio-automotive-suppliers", label: "good", why: "Mexican suppliers seeking Industry 4.0 partners in Germany." },
  { source: "neckar-automation-cluster", candidate: "odisha-seafood-aquaculture", label: "poor", why: "Seafood: targets none of our needs." },
  { source: "neckar-automation-cluster", candidate: "cape-winelands-agri-food", label: "poor", why: "Wine and fruit: unrelated." },
  { source: "neckar-automation-cluster", candidate: "peninsula-deep-tech-alliance", label: "good", why: "AI expertise and start-ups, for the predictive maintenance Neckar seeks." },
  { source: "neckar-automation-cluster", candidate: "carmel-digital-health-cluster", label: "poor", why: "Digital health: shares the digital ecosystem only." },
  { source: "neckar-automation-cluster", candidate: "deccan-ai-health-cluster", label: "poor", why: "AI for drug discovery and imaging, not the predictive maintenance Neckar seeks." },
  { source: "neckar-automation-cluster", candidate: "kazan-software-cyber-cluster", label: "poor", why: "Banking and e-government software." },
  { source: "neckar-automation-cluster", candidate: "auvergne-mobility-pole", label: "poor", why: "Also looking for nearshoring suppliers: the same need, nothing for each other." },
  { source: "neckar-automation-cluster", candidate: "tallinn-cybergov-cluster", label: "poor", why: "E-government software." },
  { source: "neckar-automation-cluster", candidate: "alpes-micro-photonics-pole", label: "poor", why: "Semiconductor pilot lines; needs assembly partners in Brazil and Vietnam." },

  // Amazonas (BR, electronics assembly): seeks semiconductor suppliers and Industry 4.0 partners.
  { source: "amazonas-electronics-cluster", candidate: "gyeonggi-semiconductor-components", label: "good", why: "Korean semiconductor components; they seek assembly partners in Brazil." },
  { source: "amazonas-electronics-cluster", candidate: "dongguan-consumer-electronics", label: "good", why: "Consumer electronics makers seeking assembly partners in Brazil." },
  { source: "amazonas-electronics-cluster", candidate: "alpes-micro-photonics-pole", label: "good", why: "Semiconductors; they seek electronics assembly partners in Brazil." },
  { source: "amazonas-electronics-cluster", candidate: "minho-textile-fashion-cluster", label: "poor", why: "Textiles: shares only the manufacturing sector." },
  { source: "amazonas-electronics-cluster", candidate: "tallinn-cybergov-cluster", label: "poor", why: "E-government software: unrelated to assembly." },
  { source: "amazonas-electronics-cluster", candidate: "suruga-medical-devices-cluster", label: "poor", why: "Medical devices: shares the electronics ecosystem but needs no assembly in Brazil." },
  { source: "amazonas-electronics-cluster", candidate: "oulu-wireless-electronics", label: "poor", why: "Seeks manufacturing in Vietnam and Korea, and offers wireless design Amazonas does not need." },
  { source: "amazonas-electronics-cluster", candidate: "funen-cobot-cluster", label: "good", why: "Collaborative robots for the automation of assembly lines that Amazonas seeks." },

  // Occitanie (FR, aerospace): seeks aero-structure machining suppliers in Poland and Mexico.
  { source: "occitanie-aero-space-pole", candidate: "subcarpathian-aero-parts", label: "good", why: "Polish aero-structure machining seeking contracts with French primes." },
  { source: "occitanie-aero-space-pole", candidate: "st-lawrence-aero-ai", label: "good", why: "Canadian aerospace seeking space technology partners in France." },
  { source: "occitanie-aero-space-pole", candidate: "nashik-agro-food-cluster", label: "poor", why: "Agro-food: unrelated to aerospace." },
  { source: "occitanie-aero-space-pole", candidate: "kazan-software-cyber-cluster", label: "poor", why: "Banking and e-government software: unrelated." },
  { source: "occitanie-aero-space-pole", candidate: "minho-textile-fashion-cluster", label: "poor", why: "Textiles and fashion: shares only manufacturing." },
  { source: "occitanie-aero-space-pole", candidate: "bengaluru-precision-machining", label: "good", why: "Aerospace precision machining seeking supplier contracts with European primes." },
  { source: "occitanie-aero-space-pole", candidate: "bajio-automotive-suppliers", label: "poor", why: "Automotive stamping and harnesses, not aero-structures." },
  { source: "occitanie-aero-space-pole", candidate: "milan-design-product-network", label: "poor", why: "Consumer product design." },

  // Nashik (IN, agro-food): seeks food processing technology, cold chain and precision agriculture.
  { source: "nashik-agro-food-cluster", candidate: "veluwe-agri-food-innovation", label: "good", why: "Dutch food processing technology; they seek Indian sourcing partners." },
  { source: "nashik-agro-food-cluster", candidate: "negev-agriwater-cluster", label: "good", why: "Precision agriculture and water technologies; they seek Indian agro-food pilots." },
  { source: "nashik-agro-food-cluster", candidate: "peninsula-deep-tech-alliance", label: "poor", why: "Deep-tech venture capital; targets India but not agro-food." },
  { source: "nashik-agro-food-cluster", candidate: "gyeonggi-semiconductor-components", label: "poor", why: "Semiconductors: unrelated." },
  { source: "nashik-agro-food-cluster", candidate: "piracicaba-agtech-cluster", label: "good", why: "Precision agriculture and bio-inputs; they seek Indian agro-food clusters." },
  { source: "nashik-agro-food-cluster", candidate: "hordaland-aquaculture-technology", label: "poor", why: "Aquaculture technology: Nashik grows grapes and onions." },
  { source: "nashik-agro-food-cluster", candidate: "chianti-hills-wine-cluster", label: "poor", why: "Wine tourism; seeks the same precision-agriculture help and does not target India." },
  { source: "nashik-agro-food-cluster", candidate: "cape-winelands-agri-food", label: "poor", why: "Another fruit and wine exporter with the same needs." },

  // Chianti (IT, wine): seeks precision agriculture and water technologies for vineyards.
  { source: "chianti-hills-wine-cluster", candidate: "negev-agriwater-cluster", label: "good", why: "Drip irrigation and water technology; they seek Mediterranean wine growers for pilots." },
  { source: "chianti-hills-wine-cluster", candidate: "amazonas-electronics-cluster", label: "poor", why: "Electronics assembly: unrelated." },
  { source: "chianti-hills-wine-cluster", candidate: "kendall-bridge-life-sciences", label: "poor", why: "Biotech investors; nothing for wineries." },
  { source: "chianti-hills-wine-cluster", candidate: "piracicaba-agtech-cluster", label: "good", why: "Precision agriculture and drone spraying, which Chianti seeks for its vineyards." },
  { source: "chianti-hills-wine-cluster", candidate: "cape-winelands-agri-food", label: "poor", why: "Another wine region with the same needs (water, importers): a rival, not a complement." },
  { source: "chianti-hills-wine-cluster", candidate: "nashik-agro-food-cluster", label: "poor", why: "Grapes and onions for export; seeks food processing and the same water tools." },
  { source: "chianti-hills-wine-cluster", candidate: "veluwe-agri-food-innovation", label: "poor", why: "Food processing technology; seeks sourcing in India and Brazil." },
  { source: "chianti-hills-wine-cluster", candidate: "odisha-seafood-aquaculture", label: "poor", why: "Shrimp farming." },
  { source: "chianti-hills-wine-cluster", candidate: "hordaland-aquaculture-technology", label: "poor", why: "Aquaculture technology." },
];

/** The lowest acceptable precision at 5 (docs/RECOMMENDATIONS.md explains the figure). */
export const PRECISION_AT_5_THRESHOLD = 0.55;
