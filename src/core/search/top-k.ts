/**
 * Picking the best few of many scored items without sorting them all: a query can match every
 * passage of the library, and only a page of them is shown.
 */

/**
 * Positions (into `items`) of the k best scores, best first (ties: the earlier position).
 *
 * @param items positions into `scores`, in increasing order
 * @example topK([0, 1, 2], [0.5, 2, 1], 2) // [1, 2]
 */
export function topK(items: ArrayLike<number>, scores: ArrayLike<number>, k: number): number[] {
  const byScore = (a: number, b: number): number => scores[b]! - scores[a]! || a - b;
  if (items.length <= k * 4) return Array.from(items).sort(byScore).slice(0, k);
  // A min-heap of the best k seen so far; most items fall below its least and cost one compare.
  const heap: number[] = [];
  const worse = (a: number, b: number): boolean => scores[a]! < scores[b]! || (scores[a] === scores[b] && a > b);
  const down = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && worse(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  let least = -Infinity;
  for (let n = 0; n < items.length; n++) {
    const item = items[n]!;
    if (heap.length < k) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0; ) {
        const p = (i - 1) >> 1;
        if (!worse(heap[i]!, heap[p]!)) break;
        [heap[i], heap[p]] = [heap[p]!, heap[i]!];
        i = p;
      }
      if (heap.length === k) least = scores[heap[0]!]!;
    } else if (scores[item]! > least) {
      // Items come in increasing position, so an equal score never displaces the heap's least.
      heap[0] = item;
      down(0);
      least = scores[heap[0]!]!;
    }
  }
  return heap.sort(byScore);
}
