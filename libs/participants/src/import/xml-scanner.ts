/** What a scan reports: element starts (with their raw attribute text), ends, and decoded text. */
export type XmlHandler = {
  open(name: string, attributes: string, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
};

export class XmlTokenTooLongError extends Error {
  constructor() {
    super('xml: a single tag, comment or entity is longer than the limit');
    this.name = 'XmlTokenTooLongError';
  }
}

const ENTITY = /&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g;
const NAMED = new Map([['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"]]);

/**
 * A small push scanner for the XML of spreadsheet parts, fed chunk by chunk as they are inflated,
 * so that a sheet is never held whole in memory and the reader can stop at its row limit. It
 * knows elements, attributes (as raw text, read with `attribute`), text, CDATA, comments and
 * processing instructions; it expands the five predefined entities and character references and
 * nothing else — a DOCTYPE is skipped, so no entity of a file's own ever expands. Element names
 * lose their namespace prefix (`x:row` → `row`), as some writers prefix the spreadsheet namespace.
 * Only the unfinished tail of a chunk is kept between writes; a token longer than `maxToken`
 * characters is refused rather than buffered.
 */
export class XmlScanner {
  private rest = '';

  constructor(
    private readonly handler: XmlHandler,
    private readonly maxToken = 1 << 20,
  ) {}

  write(chunk: string): void {
    this.rest = this.scan(this.rest + chunk, false);
    if (this.rest.length > this.maxToken) throw new XmlTokenTooLongError();
  }

  end(): void {
    this.rest = this.scan(this.rest, true);
  }

  /** Reports every complete token of `text`; returns the unfinished tail. */
  private scan(text: string, final: boolean): string {
    let at = 0;
    while (at < text.length) {
      const lt = text.indexOf('<', at);
      if (lt < 0) {
        // Text up to the end; an entity or a CR LF cut by the chunk boundary waits for the next chunk.
        const amp = text.lastIndexOf('&');
        let cut = !final && amp >= at && text.indexOf(';', amp) < 0 ? amp : text.length;
        if (!final && cut === text.length && text.endsWith('\r')) cut -= 1;
        if (cut > at) this.handler.text(decodeText(text.slice(at, cut)));
        return text.slice(cut);
      }
      if (lt > at) this.handler.text(decodeText(text.slice(at, lt)));
      at = lt;
      const skipped = this.special(text, lt);
      if (skipped === -1) return text.slice(lt);
      if (skipped > 0) {
        at = skipped;
        continue;
      }
      const end = tagEnd(text, lt);
      if (end < 0) return text.slice(lt);
      this.tag(text.slice(lt + 1, end));
      at = end + 1;
    }
    return '';
  }

  /** Comments, CDATA, processing instructions and declarations: the index after them, -1 if unfinished, 0 if not one. */
  private special(text: string, lt: number): number {
    const until = (open: string, close: string): number => {
      const end = text.indexOf(close, lt + open.length);
      return end < 0 ? -1 : end + close.length;
    };
    if (text.startsWith('<!--', lt)) return until('<!--', '-->');
    if (text.startsWith('<![CDATA[', lt)) {
      const end = until('<![CDATA[', ']]>');
      if (end > 0) this.handler.text(text.slice(lt + 9, end - 3).replace(/\r\n?/g, '\n'));
      return end;
    }
    if (text.startsWith('<?', lt)) return until('<?', '?>');
    if (text.startsWith('<!', lt)) {
      if (lt + 9 > text.length) return -1; // perhaps the start of «<!--» or «<![CDATA[»
      const end = tagEnd(text, lt);
      // A DOCTYPE with an internal subset (`[ <!ENTITY …> ]`) ends at «]>», not at its first «>».
      const subset = text.indexOf('[', lt);
      if (subset >= 0 && (end < 0 || subset < end)) {
        const close = /\]\s*>/g;
        close.lastIndex = subset;
        const found = close.exec(text);
        return found ? found.index + found[0].length : -1;
      }
      return end < 0 ? -1 : end + 1;
    }
    return 0;
  }

  private tag(inner: string): void {
    if (inner.startsWith('/')) {
      this.handler.close(localName(inner.slice(1).trim()));
      return;
    }
    const selfClosing = inner.endsWith('/');
    const body = selfClosing ? inner.slice(0, -1) : inner;
    const space = body.search(/\s/);
    const name = localName(space < 0 ? body : body.slice(0, space));
    const attributes = space < 0 ? '' : body.slice(space);
    this.handler.open(name, attributes, selfClosing);
    if (selfClosing) this.handler.close(name);
  }
}

const ATTRIBUTE_PATTERNS = new Map<string, RegExp>();

/** The value of attribute `name` (any namespace prefix) in an element's raw attribute text, decoded. */
export function attribute(attributes: string, name: string): string | undefined {
  let pattern = ATTRIBUTE_PATTERNS.get(name);
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    ATTRIBUTE_PATTERNS.set(name, pattern);
  }
  const match = pattern.exec(attributes);
  return match ? decodeXml(match[1] ?? match[2] ?? '') : undefined;
}

/** Character data as an XML processor hands it over: line ends normalised to LF (XML 1.0 §2.11), then references expanded. */
function decodeText(text: string): string {
  return decodeXml(text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text);
}

export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, entity: string) => {
    if (entity.startsWith('#')) {
      const code = entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED.get(entity) ?? whole;
  });
}

/** The index of the `>` that ends the tag opened at `lt` (quotes respected), or -1 when it is not in `text` yet. */
function tagEnd(text: string, lt: number): number {
  let quote = 0;
  for (let i = lt + 1; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) {
      quote = c;
    } else if (c === 62) {
      return i;
    }
  }
  return -1;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
