// Loads the golden vectors: each line of test/vectors/*.jsonl is {"name":...,"jer":<frame>}; the
// frame's exact text is kept (JSON.parse would lose "50.0" vs "50").
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface GoldenVector {
  group: string;
  name: string;
  /** The frame exactly as written in the file. */
  text: string;
}

const VECTOR_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'vectors');
const LINE = /^\{"name":("(?:[^"\\]|\\.)*"),"jer":(.*)\}$/;

export function loadVectors(): GoldenVector[] {
  const out: GoldenVector[] = [];
  for (const file of readdirSync(VECTOR_DIR).filter((f) => f.endsWith('.jsonl')).sort()) {
    const group = file.replace(/\.jsonl$/, '');
    for (const line of readFileSync(join(VECTOR_DIR, file), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const m = LINE.exec(line);
      if (m === null) throw new Error(`bad vector line in ${file}: ${line.slice(0, 80)}`);
      out.push({ group, name: JSON.parse(m[1]!) as string, text: m[2]! });
    }
  }
  return out;
}
