/**
 * One reading per distinct cell value within a run. A 10k-customer export set holds about 30
 * distinct statuses, 100 quantities and a few hundred dates in 125k rows, and reading each cell
 * afresh (trim, regular expressions, a result object) was a tenth of the engine's time plus the
 * garbage it left (bench/investigate-engine.ts). The readers are pure, so a cache cannot change
 * an answer; it lives for one run, so a long session in the pane does not accumulate it.
 */
import { Cell } from "./cells";

export function perDistinctValue<V>(read: (cell: Cell | undefined) => V): (cell: Cell | undefined) => V {
  const seen = new Map<string | number | boolean, V>();
  return (cell) => {
    // null, undefined and error objects are cheap to read and have no value identity to key on.
    if (cell === null || cell === undefined || typeof cell === "object") return read(cell);
    const hit = seen.get(cell);
    if (hit !== undefined || seen.has(cell)) return hit as V;
    const value = read(cell);
    seen.set(cell, value);
    return value;
  };
}

/** The same for a reader of several text arguments (offer ID, name, unit type), one map level per argument. */
export function perDistinctTexts<V>(read: (...parts: string[]) => V): (...parts: string[]) => V {
  type Level = Map<string, Level | { readonly value: V }>;
  const root: Level = new Map();
  return (...parts) => {
    let level = root;
    for (let i = 0; i < parts.length - 1; i++) {
      let next = level.get(parts[i]) as Level | undefined;
      if (!next) level.set(parts[i], (next = new Map()));
      level = next;
    }
    const last = parts[parts.length - 1];
    const hit = level.get(last) as { readonly value: V } | undefined;
    if (hit) return hit.value;
    const value = read(...parts);
    level.set(last, { value });
    return value;
  };
}
