import { ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';

/** The encodings a CSV from Excel comes in, as the report names them. */
export type TextEncoding = 'UTF-8' | 'Windows-1251' | 'UTF-16 LE' | 'UTF-16 BE';
export type CsvDelimiter = ';' | ',' | '\t';

const SAVE_AS_UTF8 = 'Сохраните таблицу в Excel как «CSV UTF-8 (разделитель — запятая)» или как «Книга Excel (.xlsx)».';

/**
 * A CSV file's text, whatever Russian Excel saved it as: UTF-8 with or without a byte-order mark
 * («CSV UTF-8»), Windows-1251 («CSV (разделители — точки с запятой)» with Russian regional
 * settings), UTF-16 LE or BE («Текст Юникод», tab-separated; Excel writes a byte-order mark, and
 * one without is recognised by its zero bytes). Text that is valid UTF-8 is UTF-8; otherwise it is
 * read as Windows-1251, which every byte sequence decodes to, and refused when what comes out is
 * not text (control characters), which is what a binary file gives.
 */
export function decodeText(bytes: Buffer): { text: string; encoding: TextEncoding } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: strict('utf-8', bytes, 'UTF-8'), encoding: 'UTF-8' };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: strict('utf-16le', bytes, 'UTF-16'), encoding: 'UTF-16 LE' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: strict('utf-16be', bytes, 'UTF-16'), encoding: 'UTF-16 BE' };
  const wide = utf16WithoutMark(bytes);
  if (wide) return { text: strict(wide === 'UTF-16 LE' ? 'utf-16le' : 'utf-16be', bytes, 'UTF-16'), encoding: wide };
  if (bytes.includes(0)) throw notText();
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    const text = new TextDecoder('windows-1251').decode(bytes);
    if (hasBinaryChars(text)) throw notText();
    return { text, encoding: 'Windows-1251' };
  }
}

/** Control characters other than tab and line breaks (and cp1251's one undefined byte, 0x98): what text files never hold. */
function hasBinaryChars(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f || code === 0x98) return true;
  }
  return false;
}

function strict(label: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Buffer, name: string): string {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    throw new ValidationFailedException(`Файл CSV в кодировке ${name} повреждён: в нём есть байты, которые не складываются в буквы. ${SAVE_AS_UTF8}`);
  }
}

/** UTF-16 without a byte-order mark: most of the first bytes' odd (LE) or even (BE) positions are zero, as in Latin and Cyrillic text. */
function utf16WithoutMark(bytes: Buffer): TextEncoding | null {
  const sample = bytes.subarray(0, 2000);
  if (sample.length < 4 || sample.length % 2 !== 0) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros += 1;
    if (sample[i + 1] === 0) oddZeros += 1;
  }
  const pairs = sample.length / 2;
  // Cyrillic in UTF-16 is 0x04xx: its high byte is not zero but 0x04, so look for that too.
  let evenFours = 0;
  let oddFours = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0x04) evenFours += 1;
    if (sample[i + 1] === 0x04) oddFours += 1;
  }
  if (oddZeros + oddFours > pairs * 0.6 && evenZeros === 0) return 'UTF-16 LE';
  if (evenZeros + evenFours > pairs * 0.6 && oddZeros === 0) return 'UTF-16 BE';
  return null;
}

function notText(): ValidationFailedException {
  return new ValidationFailedException(`Файл не похож на CSV: в нём есть двоичные данные. ${SAVE_AS_UTF8}`);
}

const CANDIDATES: CsvDelimiter[] = [';', '\t', ','];

/**
 * The delimiter: the one that splits the first lines (up to 20 with text) into the most cells,
 * counting outside quotes, by the median over the lines — so neither a title line above the table
 * nor one long remark full of commas decides alone. Ties go to «;», then tab, then «,».
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const lines = text.split(/\r\n|\n|\r/).filter((line) => line.trim() !== '').slice(0, 20);
  let best: CsvDelimiter = ';';
  let bestScore = 0;
  for (const delimiter of CANDIDATES) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter)).sort((a, b) => a - b);
    const median = counts.length ? counts[Math.floor((counts.length - 1) / 2)] : 0;
    const score = median > 0 ? median : Math.max(0, ...counts) > 0 ? 0.5 : 0;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === delimiter && !quoted) count += 1;
  }
  return count;
}

/** How the report names a delimiter. */
export function delimiterName(delimiter: CsvDelimiter): string {
  return delimiter === '\t' ? 'табуляция' : `«${delimiter}»`;
}
