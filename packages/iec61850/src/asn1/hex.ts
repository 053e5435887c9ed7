// Hexadecimal text <-> bytes, as OCTET STRING is written in JER (upper case out, either case in).

/** Bytes to upper-case hex text. */
export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex').toUpperCase();
}

/** Hex text (either case) to bytes; undefined when the text is not an even-length hex string. */
export function tryFromHex(text: string): Uint8Array | undefined {
  if ((text.length & 1) !== 0) return undefined;
  const buf = Buffer.from(text, 'hex');
  // Node stops at the first invalid pair, so a short result means a bad character.
  if (buf.length * 2 !== text.length) return undefined;
  return new Uint8Array(buf); // a copy: the result owns its memory (not Node's shared pool)
}

/** Hex text (either case) to bytes; throws a RangeError on odd length or a non-hex character. */
export function fromHex(text: string): Uint8Array {
  const bytes = tryFromHex(text);
  if (bytes === undefined) throw new RangeError(`not an even-length hex string: ${JSON.stringify(text.slice(0, 40))}`);
  return bytes;
}
