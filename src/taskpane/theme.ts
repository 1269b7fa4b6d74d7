/**
 * Office's theme → a Fluent theme. `isDarkTheme` only exists in newer hosts (Office 2021+ /
 * Microsoft 365); older ones give just the colours, so the body background decides.
 */
import { Theme, webDarkTheme, webLightTheme } from "@fluentui/react-components";

export type ThemeName = "light" | "dark";

type OfficeThemeLike = Partial<Pick<Office.OfficeTheme, "bodyBackgroundColor" | "isDarkTheme">>;

/** Relative luminance (WCAG) of "#rrggbb" or "#rgb"; null when unreadable. */
export function luminance(color: string | undefined): number | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec((color ?? "").trim());
  if (!m) return null;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1];
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function themeNameOf(officeTheme: OfficeThemeLike | null | undefined): ThemeName {
  if (!officeTheme) return "light";
  if (typeof officeTheme.isDarkTheme === "boolean") return officeTheme.isDarkTheme ? "dark" : "light";
  const l = luminance(officeTheme.bodyBackgroundColor);
  return l !== null && l < 0.2 ? "dark" : "light";
}

export function fluentTheme(name: ThemeName): Theme {
  return name === "dark" ? webDarkTheme : webLightTheme;
}
