import type { LookupItem, LookupResult } from "../api/model";

/**
 * Collects the lookups Excel asks for while it recalculates and sends them as one request once
 * the current turn of the event loop ends (identical lookups share one item). A recalculation
 * of hundreds of cells then costs a few requests instead of hundreds.
 */
export function createLookupBatcher(send: (items: LookupItem[]) => Promise<LookupResult[]>, maxItems = 500) {
  let queue: { item: LookupItem; resolve: (r: LookupResult) => void; reject: (e: unknown) => void }[] = [];
  let scheduled = false;

  async function flush() {
    scheduled = false;
    const waiting = queue;
    queue = [];
    const keyOf = (i: LookupItem) => `${i.kind}|${i.indicatorCode}|${i.unitCode}|${i.period}`;
    const unique = [...new Map(waiting.map((w) => [keyOf(w.item), w.item])).values()];
    for (let start = 0; start < unique.length; start += maxItems) {
      const items = unique.slice(start, start + maxItems);
      const keys = new Set(items.map(keyOf));
      const mine = waiting.filter((w) => keys.has(keyOf(w.item)));
      try {
        const results = await send(items);
        const byKey = new Map(items.map((item, i) => [keyOf(item), results[i]]));
        for (const w of mine) {
          const r = byKey.get(keyOf(w.item));
          if (r) w.resolve(r);
          else w.reject(new Error("The server answered fewer results than it was asked for."));
        }
      } catch (error) {
        for (const w of mine) w.reject(error);
      }
    }
  }

  return function lookup(item: LookupItem): Promise<LookupResult> {
    return new Promise((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!scheduled) {
        scheduled = true;
        setTimeout(() => void flush(), 0);
      }
    });
  };
}
