/**
 * The user's *Done* on the Next steps sheet, read before a run writes, so the new plan puts each
 * one back on the action with the same key (spec §8: same customer, account, action, offer and
 * subscription IDs; the key is the hidden Key column). Columns are found by their headers, so a
 * sheet the user sorted or filtered still gives every row's pair.
 */
import { isCellError } from "../domain/cells";
import { GENERATED, NEXT_STEPS_DONE, NEXT_STEPS_KEY } from "../layout/plan";
import { fromExcel } from "./cells";
import { SheetInfo, readBlock } from "./read";
import { rect } from "./rects";
import { Meter } from "./requests";

export type DoneValue = string | number | boolean;

/** Done by the Key column as written (a digest, or the full key of an earlier version; the plan compares digests), from our own Next steps sheet (`created` lists the sheets the product made). */
export async function readPreviousDone(meter: Meter, sheets: readonly SheetInfo[], created: readonly string[]): Promise<Map<string, DoneValue>> {
  const out = new Map<string, DoneValue>();
  const lower = GENERATED.nextSteps.toLowerCase();
  if (!created.some((n) => n.toLowerCase() === lower)) return out;
  const info = sheets.find((s) => s.name.toLowerCase() === lower);
  if (!info?.used || info.used.bottom < 2) return out;
  const header = (await readBlock(meter, info.name, rect(1, 1, 1, info.used.right), ["values"])).values[0] ?? [];
  const col = (name: string) => header.findIndex((h) => typeof h === "string" && h.trim() === name) + 1;
  const key = col(NEXT_STEPS_KEY);
  const done = col(NEXT_STEPS_DONE);
  if (key === 0 || done === 0) return out;
  const read = (c: number) => readBlock(meter, info.name, rect(2, c, info.used!.bottom, c), ["values", "valueTypes"]);
  const keys = await read(key);
  const dones = await read(done);
  keys.values.forEach((line, i) => {
    const k = line[0];
    const d = fromExcel(dones.values[i]?.[0], dones.valueTypes[i]?.[0] as string | undefined);
    if (typeof k !== "string" || k === "" || d === null || isCellError(d)) return;
    out.set(k, d as DoneValue);
  });
  return out;
}
