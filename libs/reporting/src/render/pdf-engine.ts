import { createRequire } from 'node:module';

/**
 * pdfmake 0.3 on the server, configured once: Roboto (with Cyrillic) from pdfmake's own virtual
 * file system, parsed once per process (below), and URL and local-file access policies that deny
 * everything — text a curator typed (a roadmap result, a school name) can never make the worker
 * fetch a URL or read a file. Images, if ever needed, must be data: URLs built by our own code.
 */
export type PdfContent = unknown;
export type PdfDocDefinition = {
  content: PdfContent[];
  info?: { title?: string; author?: string; subject?: string };
  pageSize?: string;
  pageOrientation?: 'portrait' | 'landscape';
  pageMargins?: number[] | number;
  defaultStyle?: Record<string, unknown>;
  styles?: Record<string, Record<string, unknown>>;
  footer?: (currentPage: number, pageCount: number) => PdfContent;
  images?: Record<string, string>;
};

type OutputDocument = { getBuffer(): Promise<Buffer> };
type PdfMakeServer = {
  virtualfs: { writeFileSync(name: string, content: string, encoding: string): void; existsSync(name: string): boolean };
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(callback: (url: string) => boolean): void;
  setLocalAccessPolicy(callback: (path: string) => boolean): void;
  createPdf(doc: PdfDocDefinition, options?: object): OutputDocument;
};

const load = createRequire(__filename);
let engine: PdfMakeServer | null = null;

/** Paths pdfmake asked for and was refused (tests assert nothing is ever asked). */
export const deniedAccess: string[] = [];

/** Roboto with Cyrillic, from pdfmake's own virtual file system: style → file. */
export const ROBOTO: Record<string, string> = { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Medium.ttf', italics: 'Roboto-Italic.ttf', bolditalics: 'Roboto-MediumItalic.ttf' };

type FontkitModule = { create(buffer: Uint8Array): unknown; registerFormat(format: unknown): void };

/**
 * Fonts parsed once per process. pdfkit hands every new document the font's bytes, and fontkit
 * parses them again (tables, glyphs, layout lookups): about a third of a school report's render
 * (docs/benchmarks.md). pdfkit has no way to take a parsed font, so the engine registers a font
 * "format" with fontkit (the same module instance pdfkit uses) whose files are only a token,
 * `nastavnik-font:<name>`; opening one returns a view of the font parsed at start-up. Nothing else
 * changes: pdfkit still lays out, subsets and embeds per document.
 */
const FONT_TOKEN = 'nastavnik-font:';
const parsedFonts = new Map<string, unknown>();

class ParsedFont {
  static probe(buffer: Uint8Array): boolean {
    return buffer.length > FONT_TOKEN.length && Buffer.from(buffer.buffer, buffer.byteOffset, FONT_TOKEN.length).toString('latin1') === FONT_TOKEN;
  }

  constructor(stream: { buffer: Uint8Array }) {
    const name = Buffer.from(stream.buffer.buffer, stream.buffer.byteOffset, stream.buffer.length).toString('latin1').slice(FONT_TOKEN.length);
    const font = parsedFonts.get(name);
    if (!font) throw new Error(`no parsed font ${name}`);
    // A constructor may return another object: fontkit gets a view of the parsed font for this
    // document. Its tables (the parsed bytes) are the shared font's; its glyph cache, layout
    // engine and cmap lookups are its own, because fontkit keeps the characters a glyph was first
    // asked for with the glyph, and pdfkit writes those into the document's text map (shared,
    // a glyph first drawn in another document would lose its characters in this one).
    return Object.assign(Object.create(font as object), { _glyphs: {} }) as ParsedFont;
  }
}

/** A Roboto file of pdfmake's `build/vfs_fonts.js`, base64. */
function robotoBase64(file: string): string {
  const vfs = load('pdfmake/build/vfs_fonts.js') as Record<string, string>;
  if (!vfs[file]) throw new Error(`pdfmake's vfs_fonts.js has no ${file}`);
  return vfs[file];
}

/** A pdfmake instance with the deny-all URL and local-file policies (refusals recorded if asked). */
function lockedDown(instance: PdfMakeServer, denied?: string[]): PdfMakeServer {
  instance.setUrlAccessPolicy((url) => {
    denied?.push(url);
    return false;
  });
  instance.setLocalAccessPolicy((path) => {
    denied?.push(path);
    return false;
  });
  return instance;
}

function pdfmake(): PdfMakeServer {
  if (engine) return engine;
  const instance = load('pdfmake') as PdfMakeServer;
  const fontkit = createRequire(load.resolve('pdfkit'))('fontkit') as FontkitModule;
  fontkit.registerFormat(ParsedFont);
  const files: Record<string, string> = {};
  for (const [style, file] of Object.entries(ROBOTO)) {
    parsedFonts.set(file, fontkit.create(Buffer.from(robotoBase64(file), 'base64')));
    files[style] = `${FONT_TOKEN}${file}`;
    instance.virtualfs.writeFileSync(files[style], files[style], 'latin1');
  }
  instance.setFonts({ Roboto: files });
  engine = lockedDown(instance, deniedAccess);
  return engine;
}

/** Renders a finished document definition to PDF bytes. */
export async function renderPdf(doc: PdfDocDefinition): Promise<Buffer> {
  return pdfmake().createPdf(doc).getBuffer();
}

let shipped: PdfMakeServer | null = null;

/**
 * pdfmake as shipped, for comparison only (the benchmark's "pdfmake alone", and the spec that
 * checks the engine's text against it): an instance of its own, the same Roboto from its virtual
 * file system read the usual way (the bytes, parsed by each document), the same deny-all access
 * policies. Never used to render a report.
 */
export async function renderPdfAsShipped(doc: PdfDocDefinition): Promise<Buffer> {
  if (!shipped) {
    const Pdfmake = (load('pdfmake') as { constructor: new () => PdfMakeServer }).constructor;
    const instance = new Pdfmake();
    for (const file of Object.values(ROBOTO)) if (!instance.virtualfs.existsSync(file)) instance.virtualfs.writeFileSync(file, robotoBase64(file), 'base64');
    instance.setFonts({ Roboto: ROBOTO });
    shipped = lockedDown(instance);
  }
  return shipped.createPdf(doc).getBuffer();
}

/** Shared look of every report. */
export const BASE_STYLES: Record<string, Record<string, unknown>> = {
  title: { fontSize: 15, bold: true, margin: [0, 0, 0, 4] },
  subtitle: { fontSize: 10, color: '#444444', margin: [0, 0, 0, 10] },
  h2: { fontSize: 12, bold: true, margin: [0, 12, 0, 6] },
  th: { bold: true, fillColor: '#e8eef5', fontSize: 8.5 },
  note: { fontSize: 8.5, italics: true, color: '#555555', margin: [0, 2, 0, 6] },
  small: { fontSize: 8.5 },
  below: { color: '#b00020' },
};

export function pageFooter(label: string) {
  return (currentPage: number, pageCount: number): PdfContent => ({
    columns: [
      { text: label, fontSize: 7.5, color: '#777777' },
      { text: `Стр. ${currentPage} из ${pageCount}`, alignment: 'right', fontSize: 7.5, color: '#777777' },
    ],
    margin: [40, 10, 40, 0],
  });
}

/** «33 из 59 – 56 %» as the seeds print a percentage indicator; a count as the number. */
export function valueText(unit: 'percent' | 'count', numerator: number | null, denominator: number | null, value: number | null): string {
  if (numerator === null) return 'нет данных';
  if (unit === 'count') return String(numerator);
  if (value === null) return `${numerator} из ${denominator ?? 0} – нет знаменателя`;
  return `${numerator} из ${denominator} – ${value} %`;
}

/**
 * A horizontal bar chart drawn with pdfmake vectors (canvas rectangles in a borderless table): no
 * images, nothing fetched; labels and values stay real text.
 */
export function barChart(
  bars: { label: string; value: number; secondary?: number; highlight?: boolean; text?: string; empty?: boolean }[],
  options: { barWidth?: number; legend?: [string, string] } = {},
): PdfContent {
  const barArea = options.barWidth ?? 300;
  const max = Math.max(1, ...bars.flatMap((b) => [b.value, b.secondary ?? 0]));
  const paired = bars.some((b) => b.secondary !== undefined);
  const body = bars.map((bar) => {
    // An empty bar (no data) draws nothing; its text says so.
    const canvas: Record<string, unknown>[] = bar.empty
      ? [{ type: 'rect', x: 0, y: 1, w: 0.01, h: 8, color: '#ffffff' }]
      : [{ type: 'rect', x: 0, y: 1, w: Math.max((bar.value / max) * barArea, 0.5), h: paired ? 5 : 8, color: bar.highlight ? '#c62828' : '#1f5fa8' }];
    if (paired) canvas.push({ type: 'rect', x: 0, y: 7, w: Math.max(((bar.secondary ?? 0) / max) * barArea, 0.5), h: 5, color: '#7fb3e6' });
    return [
      { text: bar.label, fontSize: 7 },
      { canvas },
      { text: bar.text ?? (paired ? `${bar.value} / ${bar.secondary ?? 0}` : String(bar.value)), fontSize: 7 },
    ];
  });
  const chart: PdfContent = {
    table: { widths: [150, barArea, 40], body },
    layout: { hLineWidth: () => 0, vLineWidth: (i: number) => (i === 1 ? 0.5 : 0), vLineColor: () => '#999999', paddingTop: () => 1, paddingBottom: () => 1 },
  };
  if (!options.legend) return { stack: [chart], margin: [0, 4, 0, 8] };
  const legend: PdfContent = {
    columns: [
      { canvas: [{ type: 'rect', x: 0, y: 2, w: 8, h: 6, color: '#1f5fa8' }], width: 12 },
      { text: options.legend[0], fontSize: 7, width: 'auto', margin: [0, 0, 12, 0] },
      { canvas: [{ type: 'rect', x: 0, y: 2, w: 8, h: 6, color: '#7fb3e6' }], width: 12 },
      { text: options.legend[1], fontSize: 7, width: 'auto' },
    ],
    margin: [155, 4, 0, 0],
  };
  return { stack: [chart, legend], margin: [0, 4, 0, 8] };
}

/** The colour of a trend's data line (the spec finds its segments by it). */
export const TREND_LINE_COLOR = '#1f5fa8';

/**
 * A line over school years drawn with pdfmake vectors: a segment joins two neighbouring years
 * only when both have a value, so a year without data is a gap — never bridged — and every year
 * with a value gets a dot (a lone year between two gaps stays visible). Under the chart, each
 * year's label and its value as text, or «нет данных».
 */
export function trendChart(
  points: { label: string; value: number | null; text: string }[],
  options: { width?: number; height?: number; max?: number; target?: number | null; format?: (value: number) => string } = {},
): PdfContent {
  const width = options.width ?? 420;
  const height = options.height ?? 90;
  const max = Math.max(1, options.max ?? 0, ...points.map((p) => p.value ?? 0));
  const step = points.length > 0 ? width / points.length : width;
  const x = (i: number) => (i + 0.5) * step;
  const y = (value: number) => height - (Math.min(value, max) / max) * height;
  const canvas: Record<string, unknown>[] = [
    { type: 'line', x1: 0, y1: height, x2: width, y2: height, lineWidth: 0.5, lineColor: '#999999' },
    { type: 'line', x1: 0, y1: 0, x2: 0, y2: height, lineWidth: 0.5, lineColor: '#999999' },
  ];
  if (options.target !== null && options.target !== undefined) {
    canvas.push({ type: 'line', x1: 0, y1: y(options.target), x2: width, y2: y(options.target), lineWidth: 0.7, lineColor: '#c62828', dash: { length: 3 } });
  }
  points.forEach((point, i) => {
    const next = points[i + 1];
    if (point.value !== null && next && next.value !== null) {
      canvas.push({ type: 'line', x1: x(i), y1: y(point.value), x2: x(i + 1), y2: y(next.value), lineWidth: 1.5, lineColor: TREND_LINE_COLOR });
    }
    if (point.value !== null) canvas.push({ type: 'ellipse', x: x(i), y: y(point.value), r1: 2.2, r2: 2.2, color: TREND_LINE_COLOR });
  });
  const labels: PdfContent = {
    table: {
      widths: points.map(() => step),
      body: [
        points.map((p) => ({ text: p.label, fontSize: 7, alignment: 'center' })),
        points.map((p) => ({ text: p.text, fontSize: 7, alignment: 'center', color: p.value === null ? '#777777' : undefined })),
      ],
    },
    layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 0, paddingRight: () => 0, paddingTop: () => 1, paddingBottom: () => 0 },
  };
  const format = options.format ?? String;
  const axis: PdfContent = {
    width: 30,
    stack: [
      { text: format(max), fontSize: 6, color: '#777777', alignment: 'right', margin: [0, -3, 3, 0] },
      { text: format(0), fontSize: 6, color: '#777777', alignment: 'right', margin: [0, height - 10, 3, 0] },
    ],
  };
  return { columns: [axis, { width: width, stack: [{ canvas }, labels] }], margin: [0, 6, 0, 8], unbreakable: true };
}
