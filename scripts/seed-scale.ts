/**
 * `npm run seed:scale -- --orgs 100000`: fills a database with synthetic
 * cluster organisations and published profiles, for measuring the directory
 * at scale (scripts/bench-directory.ts, docs/PERFORMANCE.md).
 *
 * - The database is the one named by DATABASE_URL, or else the local embedded
 *   PostgreSQL's "covalent" database (the running one, or started like
 *   `npm run db`), migrated first.
 * - Realistic distributions: countries weighted by how many clusters they
 *   have, one to three ecosystems with matching keywords and sectors, member
 *   counts log-normal (median about 120), labels mostly none, texts in English
 *   and Russian assembled from phrase banks, so that searching means something.
 * - Every synthetic row has a slug starting with `synthetic-`:
 *   `--reset` removes them (alone, or before adding `--orgs N` new ones).
 * - Fast: rows go in with multi-row INSERT … SELECT FROM unnest($1::text[], …)
 *   in batches, two connections at a time; the search trigger runs per row.
 *
 * Options: --orgs N (default 100000), --reset, --seed N (default 42),
 * --batch N (default 5000).
 */
import { parseArgs } from "node:util";
import pg from "pg";
import { openLocalDatabase } from "../lib/db/local-database";
import { createDbClient } from "../lib/db/create-client";
import { getEnv } from "../lib/env";
import { ECOSYSTEMS, TECHNOLOGY_KEYWORDS } from "../lib/profiles/taxonomy-seed";
import { seedTaxonomies } from "../prisma/seed";
import { isListening } from "./measure";

export const SYNTHETIC_SLUG_PREFIX = "synthetic-";

// ─── deterministic randomness ───

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

function weighted<T>(entries: readonly (readonly [T, number])[]): (rng: Rng) => T {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  return (rng) => {
    let r = rng() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return entries[entries.length - 1]![0];
  };
}

function sample<T>(rng: Rng, list: readonly T[], count: number): T[] {
  const copy = [...list];
  const out: T[] = [];
  while (out.length < count && copy.length > 0) out.push(copy.splice(Math.floor(rng() * copy.length), 1)[0]!);
  return out;
}

/** Standard normal by Box–Muller. */
function normal(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

// ─── places: [region, city, latitude, longitude]; weight ≈ how many clusters a country has ───

type Place = readonly [region: string, city: string, lat: number, lon: number];
type CountryInfo = { weight: number; places: readonly Place[]; russianSpeaking?: boolean; frenchSpeaking?: boolean };

const COUNTRIES: Record<string, CountryInfo> = {
  DE: { weight: 9, places: [["Bavaria", "Munich", 48.14, 11.58], ["Baden-Württemberg", "Stuttgart", 48.78, 9.18], ["North Rhine-Westphalia", "Düsseldorf", 51.23, 6.78], ["Saxony", "Dresden", 51.05, 13.74], ["Berlin", "Berlin", 52.52, 13.4], ["Hamburg", "Hamburg", 53.55, 9.99]] },
  FR: { weight: 8, frenchSpeaking: true, places: [["Auvergne-Rhône-Alpes", "Lyon", 45.76, 4.84], ["Île-de-France", "Paris", 48.86, 2.35], ["Occitanie", "Toulouse", 43.6, 1.44], ["Provence-Alpes-Côte d'Azur", "Marseille", 43.3, 5.37], ["Hauts-de-France", "Lille", 50.63, 3.06], ["Nouvelle-Aquitaine", "Bordeaux", 44.84, -0.58]] },
  IT: { weight: 7, places: [["Lombardy", "Milan", 45.46, 9.19], ["Emilia-Romagna", "Bologna", 44.49, 11.34], ["Piedmont", "Turin", 45.07, 7.69], ["Tuscany", "Florence", 43.77, 11.25], ["Veneto", "Padua", 45.41, 11.88], ["Campania", "Naples", 40.85, 14.27]] },
  ES: { weight: 6, places: [["Catalonia", "Barcelona", 41.39, 2.17], ["Basque Country", "Bilbao", 43.26, -2.93], ["Community of Madrid", "Madrid", 40.42, -3.7], ["Andalusia", "Seville", 37.39, -5.98], ["Valencian Community", "Valencia", 39.47, -0.38]] },
  US: { weight: 7, places: [["Massachusetts", "Boston", 42.36, -71.06], ["California", "San Diego", 32.72, -117.16], ["Texas", "Austin", 30.27, -97.74], ["Michigan", "Detroit", 42.33, -83.05], ["North Carolina", "Raleigh", 35.78, -78.64], ["Washington", "Seattle", 47.61, -122.33]] },
  CN: { weight: 7, places: [["Guangdong", "Shenzhen", 22.54, 114.06], ["Zhejiang", "Hangzhou", 30.27, 120.16], ["Jiangsu", "Suzhou", 31.3, 120.58], ["Shanghai", "Shanghai", 31.23, 121.47], ["Sichuan", "Chengdu", 30.57, 104.07]] },
  IN: { weight: 7, places: [["Karnataka", "Bengaluru", 12.97, 77.59], ["Maharashtra", "Pune", 18.52, 73.86], ["Tamil Nadu", "Chennai", 13.08, 80.27], ["Gujarat", "Ahmedabad", 23.02, 72.57], ["Telangana", "Hyderabad", 17.39, 78.49], ["Rajasthan", "Jaipur", 26.91, 75.79]] },
  BR: { weight: 5, places: [["São Paulo", "Campinas", -22.91, -47.06], ["Minas Gerais", "Belo Horizonte", -19.92, -43.94], ["Santa Catarina", "Florianópolis", -27.6, -48.55], ["Amazonas", "Manaus", -3.12, -60.02], ["Rio de Janeiro", "Macaé", -22.37, -41.79]] },
  RU: { weight: 5, russianSpeaking: true, places: [["Республика Татарстан", "Казань", 55.79, 49.12], ["Санкт-Петербург", "Санкт-Петербург", 59.93, 30.34], ["Новосибирская область", "Новосибирск", 55.01, 82.93], ["Свердловская область", "Екатеринбург", 56.84, 60.6], ["Москва", "Москва", 55.76, 37.62], ["Самарская область", "Самара", 53.2, 50.15]] },
  GB: { weight: 4, places: [["Scotland", "Aberdeen", 57.15, -2.09], ["Greater Manchester", "Manchester", 53.48, -2.24], ["West Midlands", "Birmingham", 52.49, -1.89], ["Cambridgeshire", "Cambridge", 52.2, 0.12]] },
  PL: { weight: 4, places: [["Masovian Voivodeship", "Warsaw", 52.23, 21.01], ["Lesser Poland", "Kraków", 50.06, 19.94], ["Lower Silesia", "Wrocław", 51.11, 17.03], ["Pomerania", "Gdańsk", 54.35, 18.65]] },
  NL: { weight: 3, places: [["South Holland", "Rotterdam", 51.92, 4.48], ["North Brabant", "Eindhoven", 51.44, 5.48], ["Gelderland", "Wageningen", 51.97, 5.66]] },
  JP: { weight: 4, places: [["Kanto", "Tokyo", 35.68, 139.69], ["Kansai", "Osaka", 34.69, 135.5], ["Chubu", "Nagoya", 35.18, 136.91], ["Kyushu", "Fukuoka", 33.59, 130.4]] },
  KR: { weight: 3, places: [["Gyeonggi", "Suwon", 37.26, 127.03], ["Seoul", "Seoul", 37.57, 126.98], ["Daegu", "Daegu", 35.87, 128.6]] },
  SE: { weight: 2, places: [["Skåne", "Malmö", 55.6, 13.0], ["Västra Götaland", "Gothenburg", 57.71, 11.97], ["Stockholm County", "Stockholm", 59.33, 18.07]] },
  FI: { weight: 2, places: [["Uusimaa", "Helsinki", 60.17, 24.94], ["Pirkanmaa", "Tampere", 61.5, 23.76], ["North Ostrobothnia", "Oulu", 65.01, 25.47]] },
  DK: { weight: 2, places: [["Capital Region of Denmark", "Copenhagen", 55.68, 12.57], ["Central Denmark Region", "Aarhus", 56.16, 10.2], ["Region of Southern Denmark", "Odense", 55.4, 10.4]] },
  NO: { weight: 2, places: [["Vestland", "Bergen", 60.39, 5.32], ["Trøndelag", "Trondheim", 63.43, 10.4]] },
  AT: { weight: 2, places: [["Upper Austria", "Linz", 48.31, 14.29], ["Styria", "Graz", 47.07, 15.44], ["Vienna", "Vienna", 48.21, 16.37]] },
  CZ: { weight: 2, places: [["South Moravian Region", "Brno", 49.2, 16.61], ["Prague", "Prague", 50.08, 14.44]] },
  PT: { weight: 2, places: [["Norte", "Porto", 41.15, -8.61], ["Centro", "Coimbra", 40.21, -8.43]] },
  BE: { weight: 2, frenchSpeaking: true, places: [["Flanders", "Ghent", 51.05, 3.72], ["Wallonia", "Liège", 50.63, 5.57]] },
  CH: { weight: 2, frenchSpeaking: true, places: [["Vaud", "Lausanne", 46.52, 6.63], ["Zurich", "Zurich", 47.38, 8.54]] },
  TR: { weight: 2, places: [["Marmara", "Bursa", 40.19, 29.06], ["Central Anatolia", "Ankara", 39.93, 32.86]] },
  IL: { weight: 2, places: [["Central District", "Rehovot", 31.89, 34.81], ["Haifa District", "Haifa", 32.79, 34.99]] },
  CA: { weight: 3, frenchSpeaking: true, places: [["Quebec", "Montreal", 45.5, -73.57], ["Ontario", "Toronto", 43.65, -79.38], ["British Columbia", "Vancouver", 49.28, -123.12]] },
  MX: { weight: 2, places: [["Nuevo León", "Monterrey", 25.69, -100.32], ["Jalisco", "Guadalajara", 20.66, -103.35]] },
  KZ: { weight: 2, russianSpeaking: true, places: [["Астана", "Астана", 51.17, 71.45], ["Алматы", "Алматы", 43.24, 76.89]] },
  BY: { weight: 1, russianSpeaking: true, places: [["Минская область", "Минск", 53.9, 27.57]] },
  UZ: { weight: 1, russianSpeaking: true, places: [["Ташкент", "Ташкент", 41.3, 69.24]] },
  AM: { weight: 1, russianSpeaking: true, places: [["Ереван", "Ереван", 40.18, 44.51]] },
  EE: { weight: 1, places: [["Harju County", "Tallinn", 59.44, 24.75]] },
  LT: { weight: 1, places: [["Vilnius County", "Vilnius", 54.69, 25.28]] },
  HU: { weight: 1, places: [["Central Hungary", "Budapest", 47.5, 19.04]] },
  RO: { weight: 1, places: [["Cluj", "Cluj-Napoca", 46.77, 23.6]] },
  GR: { weight: 1, places: [["Attica", "Athens", 37.98, 23.73]] },
  ZA: { weight: 1, places: [["Gauteng", "Johannesburg", -26.2, 28.05], ["Western Cape", "Cape Town", -33.92, 18.42]] },
  KE: { weight: 1, places: [["Nairobi County", "Nairobi", -1.29, 36.82]] },
  MA: { weight: 1, frenchSpeaking: true, places: [["Casablanca-Settat", "Casablanca", 33.57, -7.59]] },
  EG: { weight: 1, places: [["Cairo Governorate", "Cairo", 30.04, 31.24]] },
  SG: { weight: 1, places: [["Central Region", "Singapore", 1.29, 103.85]] },
  VN: { weight: 1, places: [["Bac Ninh", "Bac Ninh", 21.19, 106.08]] },
  TH: { weight: 1, places: [["Chonburi", "Chonburi", 13.36, 100.98]] },
  ID: { weight: 1, places: [["West Java", "Bandung", -6.92, 107.62]] },
  AU: { weight: 2, places: [["New South Wales", "Sydney", -33.87, 151.21], ["Victoria", "Melbourne", -37.81, 144.96]] },
  CL: { weight: 1, places: [["Santiago Metropolitan Region", "Santiago", -33.45, -70.67]] },
  AR: { weight: 1, places: [["Córdoba", "Córdoba", -31.42, -64.18]] },
  CO: { weight: 1, places: [["Antioquia", "Medellín", 6.24, -75.58]] },
};
const pickCountry = weighted(Object.entries(COUNTRIES).map(([code, info]) => [code, info.weight] as const));
const COUNTRY_CODES = Object.keys(COUNTRIES);

// ─── what clusters do, by ecosystem: name words, keywords, sectors, phrases (en, ru) ───

type Theme = {
  nameEn: readonly string[];
  /** Genitive: "Кластер <nameRu> «Город»". */
  nameRu: readonly string[];
  keywords: readonly string[];
  sectors: readonly string[];
  activities: readonly (readonly [en: string, ru: string])[];
  offers: readonly string[];
  seeks: readonly string[];
};

const THEMES: Record<string, Theme> = {
  health: {
    nameEn: ["BioTech", "MedTech", "Life Science", "Health Innovation", "Pharma", "BioHealth"],
    nameRu: ["биомедицины", "фармацевтики", "медицинских технологий"],
    keywords: ["biotechnology", "medical-devices", "clinical-research", "drug-discovery", "digital-health", "genomics"],
    sectors: ["C", "M", "Q"],
    activities: [
      ["biotech and pharmaceutical companies, university hospitals and research institutes", "биотехнологические и фармацевтические компании, университетские клиники и научные институты"],
      ["medical device makers that test products in hospital wards before launch", "производителей медицинских изделий, которые испытывают продукцию в больничных отделениях до выхода на рынок"],
      ["a shared clinical-trial network and biobank services", "общую сеть клинических исследований и сервисы биобанков"],
      ["digital health start-ups working on telemedicine and remote patient monitoring", "стартапы цифрового здравоохранения, работающие над телемедициной и удалённым мониторингом пациентов"],
    ],
    offers: ["clinical-trial sites and regulatory advice", "hospital testbeds for medical devices", "biobank access and genomics sequencing", "GMP pilot production for biologics"],
    seeks: ["AI partners for drug discovery", "distributors of medical devices", "venture investment for late-stage biotech", "partners for EU health research consortia"],
  },
  digital: {
    nameEn: ["Digital", "AI", "Software", "Cyber Security", "Data", "IT"],
    nameRu: ["информационных технологий", "цифровых технологий", "программного обеспечения"],
    keywords: ["artificial-intelligence", "machine-learning", "big-data", "cybersecurity", "cloud-computing", "internet-of-things", "fintech", "edtech"],
    sectors: ["J", "M", "K"],
    activities: [
      ["software companies, data-science teams and universities", "компании-разработчики программного обеспечения, команды специалистов по данным и университеты"],
      ["start-ups in artificial intelligence, machine learning and cybersecurity", "стартапы в области искусственного интеллекта, машинного обучения и кибербезопасности"],
      ["a cloud and high-performance computing centre open to SMEs", "центр облачных и высокопроизводительных вычислений, открытый для малого бизнеса"],
      ["fintech and edtech firms that export services abroad", "финтех- и эдтех-компании, экспортирующие услуги за рубеж"],
    ],
    offers: ["software development and AI engineering teams", "cybersecurity audits and training", "data platforms and cloud migration", "a testbed for internet-of-things devices"],
    seeks: ["industrial partners for digital transformation projects", "market entry support in the EU", "joint Horizon Europe projects in AI", "investors for software start-ups"],
  },
  electronics: {
    nameEn: ["Electronics", "Microelectronics", "Photonics", "Semiconductor", "Sensor"],
    nameRu: ["электроники", "микроэлектроники", "фотоники"],
    keywords: ["semiconductors", "photonics", "consumer-electronics", "nanotechnology", "internet-of-things"],
    sectors: ["C", "M", "G"],
    activities: [
      ["semiconductor fabs, electronics assemblers and component suppliers", "производства полупроводников, сборщиков электроники и поставщиков компонентов"],
      ["photonics and laser companies with a shared cleanroom", "фотонные и лазерные компании с общей чистой комнатой"],
      ["sensor makers serving the automotive and medical industries", "производителей датчиков для автомобильной и медицинской промышленности"],
    ],
    offers: ["printed circuit board assembly and testing", "cleanroom access and chip packaging", "photonics prototyping", "contract electronics manufacturing"],
    seeks: ["semiconductor component suppliers", "design partners for sensors", "buyers of consumer electronics", "joint research on photonic chips"],
  },
  "mobility-transport-automotive": {
    nameEn: ["Automotive", "Mobility", "E-Mobility", "Logistics", "Rail"],
    nameRu: ["автомобилестроения", "транспорта и логистики", "электромобильности"],
    keywords: ["electric-vehicles", "autonomous-driving", "logistics", "industry-4-0", "energy-storage"],
    sectors: ["C", "H", "G"],
    activities: [
      ["automotive suppliers moving from combustion engines to electric vehicles", "автомобильных поставщиков, переходящих от двигателей внутреннего сгорания к электромобилям"],
      ["logistics companies, ports and rail operators", "логистические компании, порты и железнодорожных операторов"],
      ["a proving ground for autonomous driving and connected vehicles", "испытательный полигон для беспилотного вождения и подключённых автомобилей"],
    ],
    offers: ["battery pack assembly and testing", "a proving ground for autonomous vehicles", "European distribution and logistics", "lightweight components for vehicles"],
    seeks: ["battery cell suppliers", "software partners for autonomous driving", "partners for market entry in Asia", "charging infrastructure operators"],
  },
  "agri-food": {
    nameEn: ["Agri-Food", "Food", "AgriTech", "Dairy", "Wine", "Aquaculture"],
    nameRu: ["агропромышленного комплекса", "пищевой промышленности", "агротехнологий"],
    keywords: ["food-processing", "precision-agriculture", "aquaculture", "circular-economy", "water-technologies"],
    sectors: ["A", "C", "G"],
    activities: [
      ["farmers' cooperatives, food processors and agricultural universities", "фермерские кооперативы, пищевые производства и аграрные университеты"],
      ["precision agriculture with drones, sensors and satellite data", "точное земледелие с беспилотниками, датчиками и спутниковыми данными"],
      ["aquaculture farms and seafood processors", "аквакультурные хозяйства и переработчиков морепродуктов"],
    ],
    offers: ["food processing technology and packaging", "organic produce for export", "precision agriculture field trials", "aquaculture know-how"],
    seeks: ["importers and distributors of food products", "food processing equipment", "cold-chain logistics partners", "partners in agricultural research"],
  },
  "energy-renewables": {
    nameEn: ["Solar", "Wind Energy", "Clean Energy", "Hydrogen", "Energy Transition"],
    nameRu: ["энергетики", "возобновляемой энергетики", "водородной энергетики"],
    keywords: ["solar-energy", "wind-energy", "hydrogen", "energy-storage", "smart-grids"],
    sectors: ["D", "C", "F"],
    activities: [
      ["developers of wind and solar farms, grid operators and engineering firms", "разработчиков ветровых и солнечных электростанций, сетевых операторов и инжиниринговые компании"],
      ["a hydrogen valley with electrolysers and refuelling stations", "водородную долину с электролизёрами и заправочными станциями"],
      ["smart grid and energy storage pilots with municipal utilities", "пилотные проекты интеллектуальных сетей и накопителей энергии с городскими коммунальными службами"],
    ],
    offers: ["offshore wind supply chain services", "green hydrogen pilot plants", "energy storage integration", "solar installation expertise"],
    seeks: ["partners for hydrogen projects", "investors in renewable energy", "turbine component suppliers", "grid technology partners"],
  },
  "energy-intensive": {
    nameEn: ["Materials", "Chemicals", "Steel", "Plastics", "Process Industry"],
    nameRu: ["химической промышленности", "металлургии", "новых материалов"],
    keywords: ["advanced-materials", "circular-economy", "recycling", "additive-manufacturing", "industry-4-0"],
    sectors: ["C", "E", "B"],
    activities: [
      ["chemical plants, steel mills and materials researchers cutting their emissions", "химические заводы, металлургические комбинаты и исследователей материалов, сокращающих выбросы"],
      ["plastics recyclers and circular-economy start-ups", "переработчиков пластика и стартапы экономики замкнутого цикла"],
      ["additive manufacturing centres for metal parts", "центры аддитивного производства металлических деталей"],
    ],
    offers: ["advanced materials testing", "recycled polymers", "metal 3D printing services", "process engineering for decarbonisation"],
    seeks: ["partners in carbon capture", "buyers of recycled materials", "research on low-carbon steel", "suppliers of industrial heat pumps"],
  },
  "aerospace-defence": {
    nameEn: ["Aerospace", "Aeronautics", "Space", "Drone"],
    nameRu: ["авиастроения", "космических технологий"],
    keywords: ["space-technologies", "drones", "advanced-materials", "additive-manufacturing"],
    sectors: ["C", "M", "H"],
    activities: [
      ["aircraft component makers, satellite builders and test centres", "производителей авиационных компонентов, разработчиков спутников и испытательные центры"],
      ["drone manufacturers and operators with a test airfield", "производителей и операторов беспилотников с испытательным аэродромом"],
    ],
    offers: ["composite aerostructures", "satellite integration and testing", "a drone test airfield", "aerospace certification support"],
    seeks: ["tier-one aerospace customers", "partners for space missions", "composite materials suppliers", "drone software partners"],
  },
  construction: {
    nameEn: ["Construction", "Smart Building", "Timber", "Built Environment"],
    nameRu: ["строительства", "деревянного домостроения"],
    keywords: ["circular-economy", "advanced-materials", "internet-of-things", "energy-storage"],
    sectors: ["F", "C", "L"],
    activities: [
      ["builders, architects and makers of timber and prefabricated houses", "строителей, архитекторов и производителей деревянных и сборных домов"],
      ["smart building technology and energy renovation", "технологии умного здания и энергоэффективную реконструкцию"],
    ],
    offers: ["prefabricated timber buildings", "energy renovation know-how", "building information modelling services"],
    seeks: ["partners for sustainable construction projects", "suppliers of insulation materials", "export markets for prefabricated houses"],
  },
  textiles: {
    nameEn: ["Textile", "Fashion", "Technical Textiles", "Apparel"],
    nameRu: ["текстильной промышленности", "лёгкой промышленности"],
    keywords: ["textile-innovation", "circular-economy", "recycling"],
    sectors: ["C", "G"],
    activities: [
      ["spinning mills, weavers and fashion brands", "прядильные и ткацкие фабрики и модные бренды"],
      ["technical textiles for medicine, cars and protective clothing", "технический текстиль для медицины, автомобилей и защитной одежды"],
    ],
    offers: ["technical textiles production", "sustainable fashion design", "textile recycling"],
    seeks: ["buyers of technical textiles", "fashion retailers abroad", "partners in fibre recycling"],
  },
  tourism: {
    nameEn: ["Tourism", "Hospitality", "Travel"],
    nameRu: ["туризма"],
    keywords: ["smart-tourism", "big-data"],
    sectors: ["I", "N", "R"],
    activities: [
      ["hotels, tour operators and cultural sites", "гостиницы, туроператоров и объекты культурного наследия"],
      ["smart tourism apps and visitor data platforms", "приложения умного туризма и платформы данных о посетителях"],
    ],
    offers: ["incoming tourism packages", "smart tourism solutions", "hospitality training"],
    seeks: ["tour operators in Asia", "partners for sustainable tourism", "digital marketing partners"],
  },
  retail: {
    nameEn: ["Retail", "Consumer Goods", "E-Commerce", "Trade"],
    nameRu: ["торговли", "потребительских товаров"],
    keywords: ["logistics", "big-data", "consumer-electronics"],
    sectors: ["G", "H", "C"],
    activities: [
      ["consumer goods makers, exporters and e-commerce sellers", "производителей потребительских товаров, экспортёров и интернет-продавцов"],
    ],
    offers: ["consumer goods for export", "e-commerce fulfilment", "private-label manufacturing"],
    seeks: ["European distribution and logistics", "retail chains abroad", "e-commerce marketplaces"],
  },
  "cultural-creative": {
    nameEn: ["Creative Industries", "Games", "Design", "Media"],
    nameRu: ["креативных индустрий", "игровой индустрии"],
    keywords: ["gaming", "edtech", "big-data"],
    sectors: ["J", "R", "M"],
    activities: [
      ["game studios, designers and film producers", "игровые студии, дизайнеров и кинопродюсеров"],
    ],
    offers: ["game development and animation", "industrial design services", "film production"],
    seeks: ["publishers for video games", "co-production partners", "investors in creative start-ups"],
  },
  "proximity-social-economy": {
    nameEn: ["Social Economy", "Social Innovation", "Community"],
    nameRu: ["социальной экономики"],
    keywords: ["circular-economy", "edtech"],
    sectors: ["S", "P", "Q"],
    activities: [
      ["social enterprises, cooperatives and local authorities", "социальные предприятия, кооперативы и местные органы власти"],
    ],
    offers: ["social innovation methods", "training programmes for social entrepreneurs"],
    seeks: ["partners for social innovation projects", "impact investors"],
  },
};

const pickEcosystem = weighted([
  ["digital", 16], ["health", 12], ["mobility-transport-automotive", 10], ["agri-food", 10], ["energy-renewables", 9],
  ["electronics", 8], ["energy-intensive", 7], ["aerospace-defence", 5], ["construction", 5], ["textiles", 4],
  ["tourism", 4], ["retail", 4], ["cultural-creative", 4], ["proximity-social-economy", 2],
] as const);

const KINDS_EN = ["Cluster", "Cluster", "Cluster", "Network", "Alliance", "Valley", "Hub", "Consortium", "Association"] as const;
const QUALIFIERS_EN = ["", "", "", "Green", "Smart", "Advanced", "Industrial", "Innovation", "International", "Future"] as const;
const FRENCH_KINDS = ["Pôle", "Pôle de compétitivité", "Cluster"] as const;

const CONNECTORS: readonly (readonly [string, string])[] = [
  ["brings together", "объединяет"],
  ["connects", "связывает"],
  ["gathers", "собирает"],
];
const EXTRAS: readonly (readonly [string, string])[] = [
  ["It organises joint stands at international trade fairs and business missions abroad.", "Кластер организует коллективные стенды на международных выставках и бизнес-миссии за рубеж."],
  ["It helps its SMEs find partners for EU research projects.", "Он помогает своим малым и средним предприятиям находить партнёров для исследовательских проектов ЕС."],
  ["Members share laboratories, pilot lines and a training academy.", "Участники совместно используют лаборатории, пилотные линии и учебную академию."],
  ["The cluster runs an accelerator for start-ups and a matchmaking programme with investors.", "Кластер управляет акселератором для стартапов и программой встреч с инвесторами."],
  ["It keeps representatives in partner regions and welcomes foreign delegations every year.", "У кластера есть представители в регионах-партнёрах, и каждый год он принимает иностранные делегации."],
  ["Its members export to more than thirty countries.", "Его участники экспортируют продукцию более чем в тридцать стран."],
];

// ─── one synthetic organisation ───

type Synthetic = {
  id: string;
  slug: string;
  name: string;
  country: string;
  createdAt: Date;
  status: "APPROVED" | "PENDING" | "DRAFT";
  acronym: string | null;
  region: string;
  city: string;
  latitude: number;
  longitude: number;
  yearFounded: number;
  website: string;
  descriptionEn: string;
  descriptionRu: string;
  offers: string;
  seeks: string;
  ecosystems: string[];
  sectors: string[];
  keywords: string[];
  tags: string[];
  members: [number, number, number, number, number, number];
  managementFte: number;
  label: "NONE" | "BRONZE" | "SILVER" | "GOLD";
  targetCountries: string[];
  level: number | null;
  publishedAt: Date | null;
};

const pickLabel = weighted([["NONE", 85], ["BRONZE", 10], ["SILVER", 4], ["GOLD", 1]] as const);
const pickLevel = weighted([[1, 25], [2, 35], [3, 27], [4, 10], [null, 3]] as const);
const pickStatus = weighted([["APPROVED", 97], ["PENDING", 2], ["DRAFT", 1]] as const);

function slugPart(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 50);
}

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function makeOrganisation(rng: Rng, n: number, now: number): Synthetic {
  const country = pickCountry(rng);
  const info = COUNTRIES[country]!;
  const [region, city, lat, lon] = pick(rng, info.places);
  const ecosystemCount = 1 + Math.floor(rng() * rng() * 3);
  const ecosystems = [pickEcosystem(rng)];
  while (ecosystems.length < ecosystemCount) {
    const next = pickEcosystem(rng);
    if (!ecosystems.includes(next)) ecosystems.push(next);
  }
  const theme = THEMES[ecosystems[0]!]!;

  const isRussianName = info.russianSpeaking === true && rng() < 0.6;
  let name: string;
  if (isRussianName) {
    const kind = pick(rng, ["Кластер", "Кластер", "Инновационный кластер", "Территориальный кластер", "Ассоциация"]);
    name = `${kind} ${pick(rng, theme.nameRu)} «${city}»`;
  } else {
    const qualifier = pick(rng, QUALIFIERS_EN);
    const kind = info.frenchSpeaking && rng() < 0.5 ? pick(rng, FRENCH_KINDS) : pick(rng, KINDS_EN);
    const place = rng() < 0.5 ? city : region;
    name = [place, qualifier, pick(rng, theme.nameEn), kind].filter(Boolean).join(" ");
  }
  const initials = name
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join("")
    .slice(0, 6);
  const acronym = rng() < 0.4 && initials.length >= 2 ? initials : null;

  const total = Math.max(12, Math.round(Math.exp(Math.log(120) + 0.8 * normal(rng))));
  const share = (mean: number) => Math.max(0, mean * (0.6 + 0.8 * rng()));
  const parts = [share(0.7), share(0.08), share(0.06), share(0.03), share(0.05), share(0.08)];
  const sum = parts.reduce((a, b) => a + b, 0);
  const members = parts.map((p) => Math.round((p / sum) * total)) as Synthetic["members"];

  const allKeywords = [...new Set(ecosystems.flatMap((e) => THEMES[e]!.keywords))];
  const keywords = sample(rng, allKeywords, 2 + Math.floor(rng() * 3));
  const sectors = sample(rng, [...new Set(ecosystems.flatMap((e) => THEMES[e]!.sectors))], 1 + Math.floor(rng() * 3));

  const activities = sample(rng, theme.activities, Math.min(2, theme.activities.length));
  const extras = sample(rng, EXTRAS, 1 + Math.floor(rng() * 2));
  const [connectorEn, connectorRu] = pick(rng, CONNECTORS);
  const placeEn = `${city}, ${region}`;
  const descriptionEn = [
    `${name} ${connectorEn} ${activities.map((a) => a[0]).join(", and ")} around ${placeEn}.`,
    ...extras.map((e) => e[0]),
  ].join(" ");
  const descriptionRu = [
    `${name} ${connectorRu} ${activities.map((a) => a[1]).join(", а также ")} (${city}).`,
    ...extras.map((e) => e[1]),
  ].join(" ");
  // Most profiles have both languages; some only the one of their country.
  const languages = rng();
  const hasEn = !(info.russianSpeaking && languages < 0.3);
  const hasRu = info.russianSpeaking ? true : languages < 0.55;

  const status = pickStatus(rng);
  const ageDays = Math.floor(rng() * 5 * 365);
  const createdAt = new Date(now - (ageDays + 30) * 86_400_000);
  const label = pickLabel(rng);
  const level = pickLevel(rng);
  const targetCountries = sample(rng, COUNTRY_CODES.filter((c) => c !== country), Math.floor(rng() * 6));
  const slug = `${SYNTHETIC_SLUG_PREFIX}${n}-${slugPart(name) || "cluster"}`.slice(0, 90).replace(/-$/, "");

  return {
    id: `synthetic_${n}`,
    slug,
    name,
    country,
    createdAt,
    status,
    acronym,
    region,
    city,
    latitude: Math.round((lat + (rng() - 0.5) * 0.6) * 1e4) / 1e4,
    longitude: Math.round((lon + (rng() - 0.5) * 0.6) * 1e4) / 1e4,
    yearFounded: 1990 + Math.floor(rng() * 35),
    website: `https://${slug}.example`,
    descriptionEn: hasEn ? descriptionEn : "",
    descriptionRu: hasRu ? descriptionRu : "",
    offers: sentenceCase(sample(rng, theme.offers, 2).join("; ")) + ".",
    seeks: sentenceCase(sample(rng, theme.seeks, 2).join("; ")) + ".",
    ecosystems,
    sectors,
    keywords,
    tags: rng() < 0.3 ? [pick(rng, ["smes", "export", "start-ups", "research", "training", "sustainability"])] : [],
    members,
    managementFte: Math.round((0.5 + rng() * 10) * 2) / 2,
    label,
    targetCountries,
    level,
    publishedAt: status === "APPROVED" ? new Date(createdAt.getTime() + Math.floor(rng() * 20) * 86_400_000) : null,
  };
}

// ─── writing ───

async function insertBatch(client: pg.PoolClient, rows: Synthetic[]) {
  const col = <T>(f: (r: Synthetic) => T) => rows.map(f);
  const now = new Date();
  // No transaction around the two statements: each commits on its own, so that the statement
  // trigger that bumps "DirectoryVersion" holds that one row's lock for an instant, not for the
  // whole batch (two workers would otherwise take turns). A failed run is cleaned up by --reset.
  await client.query(
    `INSERT INTO "Organization" ("id", "name", "slug", "country", "createdAt", "updatedAt")
     SELECT id, name, slug, country, created, $5::timestamptz
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $6::timestamptz[]) AS t(id, name, slug, country, created)`,
    [col((r) => r.id), col((r) => r.name), col((r) => r.slug), col((r) => r.country), now, col((r) => r.createdAt)],
  );
  // Array columns travel as comma-joined text (unnest would flatten a text[][]); codes hold no commas.
  await client.query(
    `INSERT INTO "ClusterProfile" (
       "organizationId", "status", "acronym", "region", "city", "latitude", "longitude", "yearFounded", "website",
       "descriptionEn", "descriptionRu", "offers", "seeks", "ecosystems", "sectors", "keywords", "tags",
       "membersSme", "membersLarge", "membersResearch", "membersUniversity", "membersPublic", "membersOther",
       "managementFte", "label", "targetCountries", "internationalisationLevel",
       "submittedAt", "reviewedAt", "publishedAt", "createdAt", "updatedAt")
     SELECT id, status::"ProfileStatus", acronym, region, city, lat, lon, year, website,
            den, dru, offers, seeks,
            string_to_array(eco, ','), string_to_array(sec, ','), string_to_array(kw, ','), string_to_array(tags, ','),
            m1, m2, m3, m4, m5, m6, fte, label::"ClusterLabel", string_to_array(targets, ','), level,
            CASE WHEN status = 'DRAFT' THEN NULL ELSE created END, published, published, created, $30::timestamptz
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::float8[], $8::int[], $9::text[],
                 $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[],
                 $18::int[], $19::int[], $20::int[], $21::int[], $22::int[], $23::int[],
                 $24::numeric[], $25::text[], $26::text[], $27::int[], $28::timestamptz[], $29::timestamptz[])
       AS t(id, status, acronym, region, city, lat, lon, year, website, den, dru, offers, seeks, eco, sec, kw, tags,
            m1, m2, m3, m4, m5, m6, fte, label, targets, level, created, published)`,
    [
      col((r) => r.id), col((r) => r.status), col((r) => r.acronym), col((r) => r.region), col((r) => r.city),
      col((r) => r.latitude), col((r) => r.longitude), col((r) => r.yearFounded), col((r) => r.website),
      col((r) => r.descriptionEn), col((r) => r.descriptionRu), col((r) => r.offers), col((r) => r.seeks),
      col((r) => r.ecosystems.join(",")), col((r) => r.sectors.join(",")), col((r) => r.keywords.join(",")), col((r) => r.tags.join(",")),
      ...[0, 1, 2, 3, 4, 5].map((i) => col((r) => r.members[i])),
      col((r) => r.managementFte), col((r) => r.label), col((r) => r.targetCountries.join(",")), col((r) => r.level),
      col((r) => r.createdAt), col((r) => r.publishedAt), now,
    ],
  );
}

async function main() {
  const { values } = parseArgs({
    options: {
      orgs: { type: "string" },
      reset: { type: "boolean", default: false },
      seed: { type: "string", default: "42" },
      batch: { type: "string", default: "5000" },
    },
  });
  const count = values.orgs !== undefined ? Number.parseInt(values.orgs, 10) : values.reset ? 0 : 100_000;
  const batchSize = Math.max(100, Number.parseInt(values.batch, 10) || 5000);
  if (!Number.isFinite(count) || count < 0) throw new Error("--orgs must be a whole number");

  const env = getEnv();
  // The local embedded server may already run (npm start, npm run db): use it rather than start
  // another, which would stop the running one (lib/db/embedded-server.ts clears a live lock).
  const runningLocalUrl =
    !env.databaseUrl && (await isListening(env.embeddedPgPort))
      ? `postgresql://postgres:postgres@127.0.0.1:${env.embeddedPgPort}/covalent`
      : undefined;
  const database = await openLocalDatabase({
    databaseUrl: env.databaseUrl ?? runningLocalUrl,
    dataDir: env.dataDir,
    port: env.embeddedPgPort,
    database: "covalent",
  });
  const pool = new pg.Pool({ connectionString: database.databaseUrl, max: 2 });
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  try {
    if (values.reset) {
      const removed = await pool.query(`DELETE FROM "Organization" WHERE "slug" LIKE $1`, [`${SYNTHETIC_SLUG_PREFIX}%`]);
      console.log(`[seed:scale] removed ${removed.rowCount} synthetic organisations (${elapsed()})`);
    }
    if (count > 0) {
      // The search trigger labels keywords and ecosystems from the taxonomy tables: make sure they are there.
      const { rows: taxonomy } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "TechnologyKeyword"`);
      if (taxonomy[0]!.n < TECHNOLOGY_KEYWORDS.length) {
        const prisma = createDbClient(database.databaseUrl, { max: 1 });
        try {
          await seedTaxonomies(prisma);
        } finally {
          await prisma.$disconnect();
        }
      }
      if (ECOSYSTEMS.some((e) => !THEMES[e.code])) throw new Error("every ecosystem needs a theme");

      // Continue numbering after earlier runs, so that running twice adds rather than collides.
      const { rows } = await pool.query<{ next: number }>(
        `SELECT coalesce(max(substring("id" from 'synthetic_([0-9]+)')::int), 0) + 1 AS next FROM "Organization" WHERE "id" LIKE 'synthetic\\_%'`,
      );
      const first = rows[0]!.next;
      const rng = mulberry32(Number.parseInt(values.seed, 10) + first);
      const now = Date.now();
      let done = 0;
      // Batches are generated as the workers ask for them (same order, so the same --seed gives the same rows).
      let generated = 0;
      const nextBatch = (): Synthetic[] | undefined => {
        if (generated >= count) return undefined;
        const size = Math.min(batchSize, count - generated);
        const start = generated;
        generated += size;
        return Array.from({ length: size }, (_, i) => makeOrganisation(rng, first + start + i, now));
      };
      console.log(`[seed:scale] inserting ${count} organisations…`);
      // Two connections: the per-row search trigger is CPU-bound, and this machine has two cores.
      const worker = async () => {
        const client = await pool.connect();
        try {
          // A bulk load of synthetic rows: no need to wait for each commit to reach the disk, and GIN
          // index entries go to the pending list (cheap appends), merged in bulk by the VACUUM below.
          await client.query(`SET synchronous_commit = off`);
          await client.query(`SET gin_pending_list_limit = '1GB'`);
          for (let batch = nextBatch(); batch; batch = nextBatch()) {
            await insertBatch(client, batch);
            done += batch.length;
            if (done % (batchSize * 4) === 0 || done === count) console.log(`[seed:scale] ${done}/${count} (${elapsed()})`);
          }
        } finally {
          client.release();
        }
      };
      await Promise.all([worker(), worker()]);
    }
    const vacuum = await pool.connect();
    try {
      await vacuum.query(`SET maintenance_work_mem = '512MB'`);
      await vacuum.query(`VACUUM (ANALYZE) "Organization", "ClusterProfile"`);
    } finally {
      vacuum.release();
    }
    console.log(`[seed:scale] vacuumed and analysed (${elapsed()})`);
    const { rows: totals } = await pool.query<{ orgs: number; approved: number }>(
      `SELECT count(*)::int AS orgs, count(*) FILTER (WHERE p."status" = 'APPROVED')::int AS approved
       FROM "Organization" o LEFT JOIN "ClusterProfile" p ON p."organizationId" = o."id"`,
    );
    console.log(
      `[seed:scale] done in ${elapsed()}: ${totals[0]!.orgs} organisations, ${totals[0]!.approved} published profiles in ${database.databaseUrl.replace(/\/\/[^@]*@/, "//")}`,
    );
  } finally {
    await pool.end();
    await database.close();
  }
}

main().catch((error) => {
  console.error("[seed:scale]", error instanceof Error ? error.message : error);
  process.exit(1);
});
