/**
 * Customers per verdict as horizontal bars (plain CSS, no chart library). Each bar is a toggle
 * button that filters the customer list, so the chart is also the verdict filter for keyboard
 * and screen-reader users; the bar itself is decoration.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { CUSTOMER_ORDER, CustomerVerdict, TONE, Tone } from "../../domain/verdicts";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "2px" },
  item: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 13.5em) minmax(2em, 1fr) minmax(2.5em, max-content)",
    alignItems: "center",
    gap: "8px",
    width: "100%",
    padding: "2px 6px",
    border: "1px solid transparent",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    font: "inherit",
    fontSize: tokens.fontSizeBase200,
    textAlign: "start",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  pressed: { backgroundColor: tokens.colorSubtleBackgroundSelected, border: `1px solid ${tokens.colorNeutralStroke1}` },
  label: { overflowWrap: "anywhere", lineHeight: tokens.lineHeightBase200 },
  track: { height: "10px", borderRadius: "5px", backgroundColor: tokens.colorNeutralBackground4, overflow: "hidden" },
  bar: { height: "100%", borderRadius: "5px", minWidth: "4px" },
  count: { textAlign: "end", fontVariantNumeric: "tabular-nums", fontWeight: tokens.fontWeightSemibold },
  critical: { backgroundColor: tokens.colorPaletteRedBackground3 },
  warning: { backgroundColor: tokens.colorPaletteMarigoldBackground3 },
  info: { backgroundColor: tokens.colorPaletteBlueBorderActive },
  success: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  neutral: { backgroundColor: tokens.colorNeutralForeground3 },
  stale: { backgroundColor: tokens.colorNeutralForeground3 },
});

export function VerdictChart({
  byVerdict,
  selected,
  onSelect,
  labelId,
}: {
  byVerdict: Partial<Record<CustomerVerdict, number>>;
  selected: CustomerVerdict | null;
  onSelect: (v: CustomerVerdict | null) => void;
  labelId: string;
}) {
  const styles = useStyles();
  const { verdict, number } = useI18n();
  const rows = CUSTOMER_ORDER.filter((v) => (byVerdict[v] ?? 0) > 0);
  const max = Math.max(1, ...rows.map((v) => byVerdict[v] ?? 0));
  const tone = (t: Tone) => styles[t];
  return (
    <ul className={styles.list} aria-labelledby={labelId} data-testid="verdict-chart">
      {rows.map((v) => {
        const n = byVerdict[v] ?? 0;
        return (
          <li key={v}>
            <button
              type="button"
              className={mergeClasses(styles.item, selected === v && styles.pressed)}
              aria-pressed={selected === v}
              onClick={() => onSelect(selected === v ? null : v)}
              data-verdict={v}
            >
              <span className={styles.label}>{verdict(v)}</span>
              <span className={styles.track} aria-hidden="true">
                <span className={mergeClasses(styles.bar, tone(TONE[v]))} style={{ display: "block", width: `${(100 * n) / max}%` }} />
              </span>
              <span className={styles.count} data-count={n}>
                {number(n)}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
