import type { Validator } from 'react-admin';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const RU = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** 2026-09-01 (or a timestamp of that day) → 01.09.2026; anything else is shown as typed. */
export function isoToRu(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  const match = ISO.exec(text.slice(0, 10));
  return match && (text.length === 10 || text[10] === 'T') ? `${match[3]}.${match[2]}.${match[1]}` : text;
}

/** 1.9.2026 or 01.09.2026 → 2026-09-01; an empty field → null; a half-typed one stays text (and fails `realDate`). */
export function ruToIso(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const match = RU.exec(trimmed);
  return match ? `${match[3]}-${match[2].padStart(2, '0')}-${match[1].padStart(2, '0')}` : trimmed;
}

/** Empty passes; otherwise a real calendar day written as ДД.ММ.ГГГГ. */
export const realDate: Validator = (value: unknown) => {
  if (value === null || value === undefined || value === '') return undefined;
  const match = typeof value === 'string' ? ISO.exec(value) : null;
  if (!match) return 'Дата — в формате ДД.ММ.ГГГГ, например 01.09.2026.';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return `Даты ${isoToRu(value)} не существует.`;
  return undefined;
};
