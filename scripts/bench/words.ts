import type { Rng } from "./prng";

/**
 * Word lists for synthetic Russian text with real inflection, and its English translation.
 * Search has to face the word forms it meets in real articles («водная», «водной», «водных»;
 * «стратегия», «стратегии», «стратегий»), so adjectives and nouns are declined and agree in
 * gender, number and case; the English side is built from the same choices.
 */

type Gender = "m" | "f" | "n";

interface Adjective {
  /** Nominative singular by gender, nominative plural, genitive singular by gender, genitive plural. */
  nom: Record<Gender, string>;
  nomPl: string;
  gen: Record<Gender, string>;
  genPl: string;
  en: string;
}

/**
 * Declines a regular adjective from its stem: "hard" (водн-ый), "velar" (энергетическ-ий: и after
 * к/г/х) or "stressed" (цифров-ой).
 */
function adjective(stem: string, type: "hard" | "velar" | "stressed", en: string): Adjective {
  const i = type === "velar" ? "и" : "ы";
  return {
    nom: { m: stem + (type === "stressed" ? "ой" : `${i}й`), f: `${stem}ая`, n: `${stem}ое` },
    nomPl: `${stem}${i}е`,
    gen: { m: `${stem}ого`, f: `${stem}ой`, n: `${stem}ого` },
    genPl: `${stem}${i}х`,
    en,
  };
}

export const ADJECTIVES: Adjective[] = [
  adjective("водн", "hard", "water"),
  adjective("транспортн", "hard", "transport"),
  adjective("региональн", "hard", "regional"),
  adjective("экологическ", "velar", "environmental"),
  adjective("торгов", "hard", "trade"),
  adjective("инвестиционн", "hard", "investment"),
  adjective("туристическ", "velar", "tourism"),
  adjective("промышленн", "hard", "industrial"),
  adjective("научн", "hard", "research"),
  adjective("совместн", "hard", "joint"),
  adjective("един", "hard", "single"),
  adjective("электронн", "hard", "electronic"),
  adjective("логистическ", "velar", "logistics"),
  adjective("пограничн", "hard", "border"),
  adjective("железнодорожн", "hard", "railway"),
  adjective("климатическ", "velar", "climate"),
  adjective("продовольственн", "hard", "food"),
  adjective("культурн", "hard", "cultural"),
  adjective("гуманитарн", "hard", "humanitarian"),
  adjective("устойчив", "hard", "sustainable"),
  adjective("таможенн", "hard", "customs"),
  adjective("образовательн", "hard", "educational"),
  adjective("медицинск", "velar", "medical"),
  adjective("энергетическ", "velar", "energy"),
  adjective("цифров", "stressed", "digital"),
  adjective("инновационн", "hard", "innovation"),
  adjective("трансграничн", "hard", "transboundary"),
  adjective("аграрн", "hard", "agricultural"),
  adjective("финансов", "hard", "financial"),
  adjective("информационн", "hard", "information"),
];

interface Noun {
  gender: Gender;
  nom: string;
  gen: string;
  nomPl: string;
  genPl: string;
  en: string;
  enPl: string;
}

function noun(gender: Gender, nom: string, gen: string, nomPl: string, genPl: string, en: string, enPl = `${en}s`): Noun {
  return { gender, nom, gen, nomPl, genPl, en, enPl };
}

/** The heads of titles: what an initiative is. */
export const HEADS: Noun[] = [
  noun("f", "стратегия", "стратегии", "стратегии", "стратегий", "strategy", "strategies"),
  noun("f", "программа", "программы", "программы", "программ", "programme"),
  noun("f", "конвенция", "конвенции", "конвенции", "конвенций", "convention"),
  noun("f", "система", "системы", "системы", "систем", "system"),
  noun("f", "инициатива", "инициативы", "инициативы", "инициатив", "initiative"),
  noun("f", "платформа", "платформы", "платформы", "платформ", "platform"),
  noun("f", "сеть", "сети", "сети", "сетей", "network"),
  noun("f", "зона", "зоны", "зоны", "зон", "zone"),
  noun("f", "концепция", "концепции", "концепции", "концепций", "concept"),
  noun("f", "дорожная карта", "дорожной карты", "дорожные карты", "дорожных карт", "roadmap"),
  noun("m", "коридор", "коридора", "коридоры", "коридоров", "corridor"),
  noun("m", "центр", "центра", "центры", "центров", "centre"),
  noun("m", "проект", "проекта", "проекты", "проектов", "project"),
  noun("m", "фонд", "фонда", "фонды", "фондов", "fund"),
  noun("m", "совет", "совета", "советы", "советов", "council"),
  noun("m", "механизм", "механизма", "механизмы", "механизмов", "mechanism"),
  noun("m", "договор", "договора", "договоры", "договоров", "treaty", "treaties"),
  noun("m", "кластер", "кластера", "кластеры", "кластеров", "cluster"),
  noun("m", "консорциум", "консорциума", "консорциумы", "консорциумов", "consortium", "consortia"),
  noun("m", "реестр", "реестра", "реестры", "реестров", "register"),
  noun("n", "соглашение", "соглашения", "соглашения", "соглашений", "agreement"),
  noun("n", "партнёрство", "партнёрства", "партнёрства", "партнёрств", "partnership"),
  noun("n", "пространство", "пространства", "пространства", "пространств", "space"),
  noun("n", "объединение", "объединения", "объединения", "объединений", "association"),
  noun("n", "агентство", "агентства", "агентства", "агентств", "agency", "agencies"),
];

/** What initiatives are about, used in the genitive plural («водных ресурсов»). */
export const OBJECTS: Noun[] = [
  noun("m", "ресурс", "ресурса", "ресурсы", "ресурсов", "resource"),
  noun("f", "перевозка", "перевозки", "перевозки", "перевозок", "shipment"),
  noun("f", "технология", "технологии", "технологии", "технологий", "technology", "technologies"),
  noun("f", "инвестиция", "инвестиции", "инвестиции", "инвестиций", "investment"),
  noun("m", "товар", "товара", "товары", "товаров", "good"),
  noun("f", "услуга", "услуги", "услуги", "услуг", "service"),
  noun("n", "исследование", "исследования", "исследования", "исследований", "study", "studies"),
  noun("m", "стандарт", "стандарта", "стандарты", "стандартов", "standard"),
  noun("m", "бассейн", "бассейна", "бассейны", "бассейнов", "basin"),
  noun("f", "электростанция", "электростанции", "электростанции", "электростанций", "power plant"),
  noun("n", "месторождение", "месторождения", "месторождения", "месторождений", "deposit"),
  noun("m", "специалист", "специалиста", "специалисты", "специалистов", "specialist"),
  noun("m", "груз", "груза", "грузы", "грузов", "cargo", "cargoes"),
  noun("f", "дорога", "дороги", "дороги", "дорог", "road"),
  noun("n", "предприятие", "предприятия", "предприятия", "предприятий", "enterprise"),
  noun("m", "маршрут", "маршрута", "маршруты", "маршрутов", "route"),
];

export const COUNTRY_WORDS: Record<string, { gen: string; en: string }> = {
  KZ: { gen: "Казахстана", en: "Kazakhstan" },
  KG: { gen: "Кыргызстана", en: "Kyrgyzstan" },
  TJ: { gen: "Таджикистана", en: "Tajikistan" },
  TM: { gen: "Туркменистана", en: "Turkmenistan" },
  UZ: { gen: "Узбекистана", en: "Uzbekistan" },
  AZ: { gen: "Азербайджана", en: "Azerbaijan" },
  CN: { gen: "Китая", en: "China" },
  US: { gen: "США", en: "the United States" },
  RU: { gen: "России", en: "Russia" },
  EU: { gen: "Европейского союза", en: "the European Union" },
};

const CITIES: [string, string][] = [
  ["Астане", "Astana"],
  ["Бишкеке", "Bishkek"],
  ["Душанбе", "Dushanbe"],
  ["Ашхабаде", "Ashgabat"],
  ["Ташкенте", "Tashkent"],
  ["Баку", "Baku"],
  ["Самарканде", "Samarkand"],
  ["Алматы", "Almaty"],
];

export interface Bilingual {
  ru: string;
  en: string;
}

const capitalize = (text: string) => text.charAt(0).toLocaleUpperCase("ru") + text.slice(1);
const capitalizeEn = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** "a" or "an" before an English word. */
const article = (word: string) => (/^[aeiou]/i.test(word) ? "an" : "a");

/** Picks the pieces of one initiative's name; the summary reuses them so the text hangs together. */
export interface Topic {
  adjective: Adjective;
  head: Noun;
  objectAdjective: Adjective;
  object: Noun;
}

export function pickTopic(rng: Rng): Topic {
  let objectAdjective = rng.pick(ADJECTIVES);
  const adjectiveChoice = rng.pick(ADJECTIVES);
  if (objectAdjective === adjectiveChoice) objectAdjective = ADJECTIVES[(ADJECTIVES.indexOf(objectAdjective) + 1) % ADJECTIVES.length]!;
  return { adjective: adjectiveChoice, head: rng.pick(HEADS), objectAdjective, object: rng.pick(OBJECTS) };
}

/** «Единая стратегия водных ресурсов» / "Single strategy for water resources". */
export function title(rng: Rng, topic: Topic): Bilingual {
  const { adjective: a, head: h, objectAdjective: oa, object: o } = topic;
  switch (rng.int(0, 2)) {
    case 0:
      return { ru: capitalize(`${a.nom[h.gender]} ${h.nom} ${oa.genPl} ${o.genPl}`), en: capitalizeEn(`${a.en} ${h.en} for ${oa.en} ${o.enPl}`) };
    case 1:
      return { ru: capitalize(`${a.nom[h.gender]} ${h.nom} Центральной Азии`), en: `Central Asian ${a.en} ${h.en}` };
    default:
      return { ru: capitalize(`${h.nom} развития ${oa.genPl} ${o.genPl}`), en: capitalizeEn(`${h.en} for developing ${oa.en} ${o.enPl}`) };
  }
}

/** Two or three sentences about the initiative, in both languages. */
export function summary(rng: Rng, topic: Topic, proposer: string | null): Bilingual {
  const { adjective: a, head: h, objectAdjective: oa, object: o } = topic;
  const ru: string[] = [];
  const en: string[] = [];
  ru.push(`Стороны договорились о создании ${a.gen[h.gender]} ${h.gen} ${oa.genPl} ${o.genPl}.`);
  en.push(`The parties agreed to create ${article(a.en)} ${a.en} ${h.en} for ${oa.en} ${o.enPl}.`);
  if (proposer) {
    const country = COUNTRY_WORDS[proposer]!;
    ru.push(`С инициативой выступила делегация ${country.gen}.`);
    en.push(`The initiative was put forward by the delegation of ${country.en}.`);
  }
  const extra = rng.pick(ADJECTIVES);
  const extraHead = rng.pick(HEADS);
  switch (rng.int(0, 3)) {
    case 0: {
      const year = rng.int(2026, 2035);
      ru.push(`Реализация рассчитана до ${year} года.`);
      en.push(`Implementation is planned until ${year}.`);
      break;
    }
    case 1:
      ru.push(`Документ предусматривает развитие ${extra.genPl} ${o.genPl} и ${oa.gen[extraHead.gender]} ${extraHead.gen}.`);
      en.push(`The document provides for developing ${extra.en} ${o.enPl} and ${article(oa.en)} ${oa.en} ${extraHead.en}.`);
      break;
    case 2:
      ru.push(`Участники отметили важность ${a.gen[h.gender]} ${h.gen} для стран региона.`);
      en.push(`Participants stressed the importance of the ${a.en} ${h.en} for the countries of the region.`);
      break;
    default:
      ru.push(`Первый этап включает подготовку ${extra.genPl} ${extraHead.genPl} в ${rng.pick(CITIES)[0]}.`);
      en.push(`The first stage includes preparing ${extra.en} ${extraHead.enPl}.`);
  }
  return { ru: ru.join(" "), en: en.join(" ") };
}

/** One sentence of an article (Russian only: sources are stored as written). */
export function articleSentence(rng: Rng): string {
  const a = rng.pick(ADJECTIVES);
  const h = rng.pick(HEADS);
  const oa = rng.pick(ADJECTIVES);
  const o = rng.pick(OBJECTS);
  const country = rng.pick(Object.values(COUNTRY_WORDS)).gen;
  const city = rng.pick(CITIES)[0];
  switch (rng.int(0, 6)) {
    case 0:
      return `Президент ${country} предложил начать работу над созданием ${a.gen[h.gender]} ${h.gen} ${oa.genPl} ${o.genPl}.`;
    case 1:
      return `На встрече в ${city} стороны обсудили перспективы ${a.gen[h.gender]} ${h.gen} и развитие ${oa.genPl} ${o.genPl}.`;
    case 2:
      return `По словам экспертов, ${a.nom[h.gender]} ${h.nom} позволит увеличить объём ${oa.genPl} ${o.genPl} на ${rng.int(5, 60)} процентов.`;
    case 3:
      return `${capitalize(a.nomPl)} ${h.nomPl} ${oa.genPl} ${o.genPl} остаются приоритетом региональной повестки.`;
    case 4:
      return `Лидеры поддержали предложение ${country} о запуске ${a.gen[h.gender]} ${h.gen} до ${rng.int(2026, 2032)} года.`;
    case 5:
      return `Министры ${country} и соседних государств подписали меморандум о развитии ${oa.genPl} ${o.genPl}.`;
    default:
      return `В ${city} прошло заседание рабочей группы по вопросам ${a.gen[h.gender]} ${h.gen}.`;
  }
}

/** A history note, Russian or English, as editors write them. */
export function historyNote(rng: Rng, topic: Topic | null): string {
  const a = topic?.adjective ?? rng.pick(ADJECTIVES);
  const h = topic?.head ?? rng.pick(HEADS);
  const [cityRu, cityEn] = rng.pick(CITIES);
  const day = rng.int(1, 28);
  if (rng.chance(0.55)) {
    switch (rng.int(0, 6)) {
      case 0:
        return `Статус уточнён по официальному сообщению от ${day} числа.`;
      case 1:
        return `Рабочая группа в ${cityRu} согласовала текст ${a.gen[h.gender]} ${h.gen} на уровне экспертов.`;
      case 2:
        return `Подтверждено заявлением министерства; сроки реализации ${a.gen[h.gender]} ${h.gen} сдвинуты.`;
      case 3:
        return `Исправлена дата вступления в силу по тексту соглашения.`;
      case 4:
        return `Финансирование ${a.genPl} проектов одобрено, начат отбор подрядчиков.`;
      case 5:
        return `Сверено с источником; изменений нет.`;
      default:
        return `Стороны обменялись нотами о ратификации, ${rng.int(2, 6)} государства завершили процедуры.`;
    }
  }
  switch (rng.int(0, 6)) {
    case 0:
      return `Status updated after the ministry's statement of the ${day}th.`;
    case 1:
      return `Working group in ${cityEn} agreed the text of the ${a.en} ${h.en} at expert level.`;
    case 2:
      return `Confirmed by a press release; the ${a.en} ${h.en} timeline slipped by ${rng.int(2, 18)} months.`;
    case 3:
      return "Corrected the effective date from the signed text.";
    case 4:
      return `Funding for the ${a.en} projects approved; procurement started.`;
    case 5:
      return "Checked against the source; nothing changed.";
    default:
      return `${rng.int(2, 6)} states have completed ratification.`;
  }
}

export const OVERRIDE_NOTES = [
  "Источник прямо сообщает о завершении, промежуточные этапы не освещались.",
  "The source reports the final state directly; intermediate steps were never reported.",
  "Решение пересмотрено на уровне глав государств.",
  "Reversed at heads-of-state level.",
];
