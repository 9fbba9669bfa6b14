/** A date cell read: the ISO date, or why it is not one, in words a curator acts on. */
export type DateReading = { iso: string; problem?: undefined } | { iso?: undefined; problem: string };

const MONTHS_IN = ['январе', 'феврале', 'марте', 'апреле', 'мае', 'июне', 'июле', 'августе', 'сентябре', 'октябре', 'ноябре', 'декабре'];
const MONTHS_OF = new Map<string, number>(
  ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'].map((name, i) => [name, i + 1]),
);

/** What a date looks like in a cell, «ДД.ММ.ГГГГ» with «.», «/» or «-»; a trailing «г.» or a time of 0:00 (what Excel adds) is allowed. */
const RU_DATE = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})(?:\s*г\.?)?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;
/** «12 марта 2011», «12 марта 2011 г.» (a long date format saved to CSV as it is shown). */
const WORDS_DATE = /^(\d{1,2})\s+([а-яё]+)\s+(\d{4})(?:\s*г(?:ода|\.)?)?$/i;

export function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * «12.03.2011», «2011-03-12», «12 марта 2011» → «2011-03-12». What is not a date says why: a day
 * the month does not have («31.02.2011: такого дня нет — в феврале 2011 года 28 дней»), a month
 * past 12 (often a date written month first), a two-digit year (which century?), anything else.
 */
export function readDate(value: string): DateReading {
  const text = value.trim();
  let day: number;
  let month: number;
  let year: number;
  const ru = RU_DATE.exec(text);
  const iso = ru ? null : ISO_DATE.exec(text);
  const words = ru || iso ? null : WORDS_DATE.exec(text);
  if (ru) {
    if (ru[3].length === 2) return { problem: `«${text}»: укажите год полностью, четырьмя цифрами — ДД.ММ.ГГГГ.` };
    [day, month, year] = [Number(ru[1]), Number(ru[2]), Number(ru[3])];
  } else if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (words && MONTHS_OF.has(words[2].toLowerCase().replace('ё', 'е'))) {
    [day, month, year] = [Number(words[1]), MONTHS_OF.get(words[2].toLowerCase()) ?? 0, Number(words[3])];
  } else {
    return { problem: `«${text}» не распознана: ожидается ДД.ММ.ГГГГ, например 05.09.2012.` };
  }
  if (month < 1 || month > 12) {
    const swapped = ru && day >= 1 && day <= 12 && month <= 31 ? ` Возможно, день и месяц переставлены: ${String(month).padStart(2, '0')}.${String(day).padStart(2, '0')}.${year}?` : '';
    return { problem: `${text}: месяца ${month} нет — дата пишется как ДД.ММ.ГГГГ.${swapped}` };
  }
  const last = daysIn(year, month);
  if (day < 1 || day > last) {
    const where = month === 2 ? `в феврале ${year} года` : `в ${MONTHS_IN.at(month - 1) ?? ''}`;
    return { problem: `${text}: такого дня нет — ${where} ${last} ${last === 31 ? 'день' : 'дней'}.` };
  }
  return { iso: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

/** The ISO date of a cell, or null when it is not one. */
export function parseDate(value: string): string | null {
  return readDate(value).iso ?? null;
}

/** «2011-03-12» → «12.03.2011» (how the error file writes dates back). */
export function isoToRu(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}
