/**
 * Where the production page runs. Only this module and index.tsx read `Office`: the host, the
 * display language and the theme; everything else goes through the gateway.
 */
import type { OutsideReason } from "./components/OutsideOffice";
import { ThemeName, themeNameOf } from "./theme";

export type Host =
  | { readonly kind: "excel"; readonly language: string; readonly theme: ThemeName }
  | { readonly kind: "outside"; readonly reason: OutsideReason; readonly language: string | null; readonly theme: ThemeName };

/**
 * office.js resolves onReady within a second or two inside Office; outside it resolves at once
 * with host null. A page that never hears back (office.js stuck fetching its host files) is
 * treated as outside Office after this long, rather than left blank.
 */
export const OFFICE_READY_TIMEOUT_MS = 15_000;

const browserTheme = (): ThemeName =>
  typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";

export async function detectHost(timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<Host> {
  const browserLanguage = typeof navigator !== "undefined" ? navigator.language : null;
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    return { kind: "outside", reason: "noOfficeJs", language: browserLanguage, theme: browserTheme() };
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const info = await Promise.race([
    Office.onReady().catch(() => null),
    new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs))),
  ]);
  clearTimeout(timer);
  if (!info) return { kind: "outside", reason: "noOfficeJs", language: browserLanguage, theme: browserTheme() };
  if (info.host !== Office.HostType.Excel) {
    return { kind: "outside", reason: "notInExcel", language: browserLanguage, theme: browserTheme() };
  }
  const language = Office.context.displayLanguage || browserLanguage || "en";
  const theme = Office.context.officeTheme ? themeNameOf(Office.context.officeTheme) : "light";
  if (!Office.context.requirements.isSetSupported("ExcelApi", "1.7")) {
    return { kind: "outside", reason: "oldExcel", language, theme };
  }
  return { kind: "excel", language, theme };
}
