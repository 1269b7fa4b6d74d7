/**
 * The workbook's look, shared by both writers (the xlsx writer and src/office), kept out of
 * either so the task pane bundle does not pull exceljs in. Colours are RGB hex without "#".
 */
import { CUSTOMER_ORDER, LABEL, RERUN_LABEL, TONE, Tone } from "../domain/verdicts";
import { quote } from "./a1";

export const HEADER_FILL = "1F4E79";
export const HEADER_FONT = "FFFFFF";
export const NOTE_FONT = "6C757D";

/** Verdict labels by tone: one conditional-format rule per tone. */
export function labelsByTone(): Map<Tone, string[]> {
  const m = new Map<Tone, string[]>();
  for (const v of CUSTOMER_ORDER) {
    const arr = m.get(TONE[v]) ?? [];
    arr.push(LABEL[v]);
    m.set(TONE[v], arr);
  }
  m.set("stale", [RERUN_LABEL]);
  return m;
}

/** The rule formula of one tone for a range whose top-left cell is `topLeft` (relative). */
export function toneRuleFormula(topLeft: string, labels: readonly string[]): string {
  return labels.length === 1 ? `${topLeft}=${quote(labels[0])}` : `OR(${labels.map((l) => `${topLeft}=${quote(l)}`).join(",")})`;
}
