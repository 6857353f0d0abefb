/**
 * Dictionary-encodes text cells straight from the file's text: cells are
 * hashed and compared in place, so a repeated value costs no string
 * allocation (slicing every cell and using a Map was a quarter of all
 * parsing time on the 100 MB benchmark file). Same result as
 * `encodeStrings`: codes in first-appearance order, −1 for missing.
 */
export class TextDictionary {
  readonly dictionary: string[] = [];
  #slots = new Int32Array(1024).fill(-1);
  #hashes: number[] = [];

  /** The code of `text[s, e)`, added if new. */
  codeOfRange(text: string, s: number, e: number): number {
    const hash = hashRange(text, s, e);
    const mask = this.#slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const code = this.#slots[slot];
      if (code < 0) return this.#insert(slot, hash, text.slice(s, e));
      if (this.#hashes[code] === hash && equalsRange(this.dictionary[code], text, s, e)) return code;
    }
  }

  /** The code of a string built elsewhere (e.g. a quoted cell with its quotes unescaped). */
  codeOf(value: string): number {
    const hash = hashRange(value, 0, value.length);
    const mask = this.#slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const code = this.#slots[slot];
      if (code < 0) return this.#insert(slot, hash, value);
      if (this.#hashes[code] === hash && this.dictionary[code] === value) return code;
    }
  }

  #insert(slot: number, hash: number, value: string): number {
    const code = this.dictionary.length;
    this.dictionary.push(value);
    this.#hashes.push(hash);
    this.#slots[slot] = code;
    if (this.dictionary.length * 2 > this.#slots.length) this.#rehash();
    return code;
  }

  #rehash(): void {
    const slots = new Int32Array(this.#slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    this.#hashes.forEach((hash, code) => {
      let slot = hash & mask;
      while (slots[slot] >= 0) slot = (slot + 1) & mask;
      slots[slot] = code;
    });
    this.#slots = slots;
  }
}

/** FNV-1a over UTF-16 code units. */
function hashRange(text: string, s: number, e: number): number {
  let h = 0x811c9dc5;
  for (let i = s; i < e; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function equalsRange(value: string, text: string, s: number, e: number): boolean {
  if (value.length !== e - s) return false;
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) !== text.charCodeAt(s + i)) return false;
  return true;
}
