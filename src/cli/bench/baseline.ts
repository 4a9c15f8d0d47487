/**
 * The brute-force baseline the search engine must beat: scan every passage for every word.
 */

/**
 * A lowercase substring scan over passage texts.
 *
 * The texts are lowercased once, up front, which makes the baseline faster (a fairer rival) than
 * lowercasing on every keystroke.
 *
 * @example new ScanBaseline(['Dry mouth', 'Sleep']).search('MOU') // [0]
 */
export class ScanBaseline {
  private readonly texts: readonly string[];

  constructor(texts: readonly string[]) {
    this.texts = texts.map((t) => t.toLowerCase());
  }

  /** Numbers of the passages whose text contains any word of `typed`, in passage order. */
  search(typed: string): number[] {
    const words = typed.toLowerCase().split(/\s+/).filter(Boolean);
    const found: number[] = [];
    if (words.length === 0) return found;
    for (let i = 0; i < this.texts.length; i++) {
      const text = this.texts[i]!;
      for (const w of words) {
        if (text.includes(w)) {
          found.push(i);
          break;
        }
      }
    }
    return found;
  }
}
