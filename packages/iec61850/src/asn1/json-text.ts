// JSON text to value. JSON.parse is used unless the text holds an integer literal of 16+ digits,
// which JSON.parse would round: then a small parser keeps such integers exact as bigint.

/** Maximum nesting of arrays/objects the fallback parser accepts (JSON.parse itself is iterative). */
const MAX_NESTING = 512;

// A number token right after ':' '[' or ',' with 16+ integer digits (may also hit inside a string:
// that only costs the slower path, never a wrong value).
const BIG_INTEGER = /[:[,]\s*-?\d{16,}/;

export function parseJsonText(text: string): unknown {
  return BIG_INTEGER.test(text) ? new BigNumberParser(text).parseDocument() : JSON.parse(text);
}

/** Always the exact parser (integers beyond 2^53 as bigint); for tests and tools. */
export function parseJsonExact(text: string): unknown {
  return new BigNumberParser(text).parseDocument();
}

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const WS = /[ \t\n\r]*/y;

class BigNumberParser {
  private pos = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  parseDocument(): unknown {
    const v = this.value();
    this.skipWs();
    if (this.pos !== this.text.length) this.fail('unexpected text after the JSON value');
    return v;
  }

  private fail(message: string): never {
    throw new SyntaxError(`${message} at position ${this.pos}`);
  }

  private skipWs(): void {
    WS.lastIndex = this.pos;
    WS.exec(this.text);
    this.pos = WS.lastIndex;
  }

  private value(): unknown {
    this.skipWs();
    const c = this.text[this.pos];
    if (c === '{') return this.nested(() => this.object());
    if (c === '[') return this.nested(() => this.array());
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return v;
      }
    }
    return this.fail('unexpected token');
  }

  private nested<T>(parse: () => T): T {
    if (++this.depth > MAX_NESTING) this.fail(`nesting deeper than ${MAX_NESTING}`);
    const v = parse();
    this.depth--;
    return v;
  }

  private object(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.pos++;
    this.skipWs();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipWs();
      if (this.text[this.pos] !== '"') this.fail('expected a key');
      const key = this.string();
      this.skipWs();
      if (this.text[this.pos++] !== ':') this.fail("expected ':'");
      Object.defineProperty(out, key, { value: this.value(), enumerable: true, writable: true, configurable: true });
      this.skipWs();
      const c = this.text[this.pos++];
      if (c === '}') return out;
      if (c !== ',') this.fail("expected ',' or '}'");
    }
  }

  private array(): unknown[] {
    const out: unknown[] = [];
    this.pos++;
    this.skipWs();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.value());
      this.skipWs();
      const c = this.text[this.pos++];
      if (c === ']') return out;
      if (c !== ',') this.fail("expected ',' or ']'");
    }
  }

  private string(): string {
    // Find the closing quote (skipping escapes), then let JSON.parse decode the literal.
    const start = this.pos;
    let i = start + 1;
    for (;;) {
      const c = this.text.charCodeAt(i);
      if (Number.isNaN(c)) this.fail('unterminated string');
      if (c === 0x22) break;
      i += c === 0x5c ? 2 : 1;
    }
    this.pos = i + 1;
    return JSON.parse(this.text.slice(start, this.pos)) as string;
  }

  private number(): number | bigint {
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
    if (m === null) return this.fail('bad number');
    this.pos = NUMBER.lastIndex;
    const isInteger = m[1] === undefined && m[2] === undefined;
    const n = Number(m[0]);
    if (isInteger && !Number.isSafeInteger(n)) return BigInt(m[0]);
    return n;
  }
}
