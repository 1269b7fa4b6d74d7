/** "Select 3 rows on FR subscriptions", one link per sheet, for rows spread over several sheets. */
import { Link, makeStyles, tokens } from "@fluentui/react-components";
import { useI18n } from "../i18n";
import type { SelectRows } from "../views/select";

const useStyles = makeStyles({
  more: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: "2px", marginTop: "2px" },
  link: { fontSize: tokens.fontSizeBase200, textAlign: "start" },
});

export function SheetLinks({ sheets, onSelect }: { sheets: readonly { sheet: string; rows: readonly number[] }[]; onSelect: SelectRows }) {
  const styles = useStyles();
  const { t } = useI18n();
  if (sheets.length < 2) return null;
  return (
    <div className={styles.more}>
      {sheets.map((s) => (
        <Link key={s.sheet} as="button" className={styles.link} onClick={() => onSelect(s.sheet, s.rows)}>
          {t("results.selectRows", { count: s.rows.length, sheet: s.sheet })}
        </Link>
      ))}
    </div>
  );
}
