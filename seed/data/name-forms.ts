/**
 * How the two articles name each person and country, as written (case-insensitive substrings:
 * a stem such as «Токаев» also covers «Токаева»). Both articles are Kazakh media, so «Глава
 * нашего государства» and «нашего Президента» name Tokayev and Kazakhstan. The seed refuses a
 * form that neither article contains, and a proposer quote that contains none of its proposer's forms.
 */
import type { NameFormsSpec } from "./types";

export const nameForms: NameFormsSpec = {
  persons: {
    tokayev: ["Токаев", "Президент Казахстана", "Президента Казахстана", "Глава Казахстана", "Глава нашего государства", "Главы нашего государства", "нашего Президента"],
    tolipov: ["Толипов"],
    momynkulov: ["Момынкулов"],
    mustafin: ["Мустафин"],
    kasenov: ["Касенов"],
  },
  countries: {
    KZ: ["Казахстан", "Глава нашего государства", "Главы нашего государства", "нашего Президента", "Астан"],
    KG: ["Кыргызстан"],
    TJ: ["Таджикистан"],
    TM: ["Туркменистан"],
    UZ: ["Узбекистан", "Ташкент"],
    AZ: ["Азербайджан", "Баку"],
    CN: ["Китай", "китайск", "Пекин"],
    US: ["США", "Соединённые Штаты", "американск", "Вашингтон"],
    RU: ["Росси", "Москв"],
    EU: ["Европейского союза"],
  },
};
