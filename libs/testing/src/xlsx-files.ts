import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

/** One file of a ZIP archive, already compressed (method 8) or stored (method 0). */
export type ZipPart = { name: string; data: Buffer; size: number; crc: number; method: 0 | 8 };

export function deflatedPart(name: string, text: string): ZipPart {
  const raw = Buffer.from(text, 'utf8');
  return { name, data: deflateRawSync(raw), size: raw.length, crc: crc32(raw), method: 8 };
}

/**
 * A ZIP archive written byte by byte (local headers, central directory, end record), so that a
 * spec can build what no spreadsheet program writes: a sheet of a million rows in 250 KB, or an
 * entry whose header lies about its size (`declare` overrides the sizes written in both headers).
 */
export function zipArchive(parts: ZipPart[], declare: Map<string, number> = new Map()): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const size = declare.get(part.name) ?? part.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(part.method, 8);
    local.writeUInt32LE(part.crc >>> 0, 14);
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(part.method, 10);
    central.writeUInt32LE(part.crc >>> 0, 16);
    central.writeUInt32LE(part.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, part.data);
    directory.push(central, name);
    offset += 30 + name.length + part.data.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}

const SHEET_START = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_END = '</sheetData></worksheet>';

/** The parts around a first sheet: content types, relationships, a workbook; optional shared strings and styles. */
export function workbookParts(sheet: ZipPart, extra: { sharedStrings?: string; styles?: string; date1904?: boolean } = {}): ZipPart[] {
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const parts = [
    deflatedPart(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${extra.sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ''}${extra.styles ? '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' : ''}</Types>`,
    ),
    deflatedPart('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    deflatedPart(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${main}" xmlns:r="${rel}">${extra.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets><sheet name="Участники" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    deflatedPart(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/>${extra.sharedStrings ? `<Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/>` : ''}${extra.styles ? `<Relationship Id="rId3" Type="${rel}/styles" Target="/xl/styles.xml"/>` : ''}</Relationships>`,
    ),
    sheet,
  ];
  if (extra.sharedStrings) parts.push(deflatedPart('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${main}">${extra.sharedStrings}</sst>`));
  if (extra.styles) parts.push(deflatedPart('xl/styles.xml', `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${main}">${extra.styles}</styleSheet>`));
  return parts;
}

/** A workbook whose first sheet is `rowsXml` (the inside of `<sheetData>`), written as given. */
export function xlsxOfRows(rowsXml: string, extra: { sharedStrings?: string; styles?: string; date1904?: boolean } = {}): Buffer {
  return zipArchive(workbookParts(deflatedPart('xl/worksheets/sheet1.xml', `${SHEET_START}${rowsXml}${SHEET_END}`), extra));
}

const inline = (text: string) => `<c t="inlineStr"><is><t>${text}</t></is></c>`;

/**
 * A zip bomb shaped like a school list: a heading row and `rows` identical rows of inline text
 * (about 110 bytes each), deflated as a stream — a million rows make ~120 MB of sheet XML in a
 * file of a few hundred kilobytes. `declaredSheetSize` makes the archive lie about the sheet's
 * uncompressed size.
 */
export async function zipBombXlsx(rows: number, declaredSheetSize?: number): Promise<Buffer> {
  const head = Buffer.from(`${SHEET_START}<row>${inline('Фамилия')}${inline('Имя')}${inline('Категория')}</row>`, 'utf8');
  const block = Buffer.from(`<row>${inline('Иванов')}${inline('Иван')}${inline('педагог')}</row>`.repeat(1000), 'utf8');
  const tail = Buffer.from(SHEET_END, 'utf8');
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  let crc = crc32(head);
  let size = head.length;
  deflate.write(head);
  for (let written = 0; written < rows; written += 1000) {
    const piece = rows - written >= 1000 ? block : block.subarray(0, (block.length / 1000) * (rows - written));
    crc = crc32(piece, crc);
    size += piece.length;
    if (!deflate.write(piece)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  crc = crc32(tail, crc);
  size += tail.length;
  deflate.end(tail);
  await done;
  const sheet: ZipPart = { name: 'xl/worksheets/sheet1.xml', data: Buffer.concat(chunks), size, crc, method: 8 };
  const declare = declaredSheetSize === undefined ? new Map<string, number>() : new Map([[sheet.name, declaredSheetSize]]);
  return zipArchive(workbookParts(sheet), declare);
}
