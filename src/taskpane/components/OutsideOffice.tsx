/**
 * What the production page shows when it is not running in Excel (opened in a plain browser,
 * office.js blocked or too slow, or an Excel too old for the add-in): a plain explanation and
 * how to add the add-in, instead of a blank page.
 */
import { useEffect } from "react";
import { Card, FluentProvider, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { I18nProvider, useI18n } from "../i18n";
import { ThemeName, fluentTheme } from "../theme";

export type OutsideReason = "notInExcel" | "noOfficeJs" | "oldExcel";

const useStyles = makeStyles({
  page: { minHeight: "100vh", padding: "16px", boxSizing: "border-box" },
  card: { maxWidth: "36rem", margin: "0 auto", display: "flex", flexDirection: "column", gap: "10px" },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  h2: { margin: "4px 0 0", fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  steps: { margin: 0, paddingInlineStart: "20px", display: "flex", flexDirection: "column", gap: "4px" },
  logo: { width: "32px", height: "32px" },
});

function Explanation({ reason }: { reason: OutsideReason }) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <main className={styles.page}>
      <Card className={styles.card} data-testid="outside-office">
        <img className={styles.logo} src="assets/icon-32.png" alt="" />
        <h1 className={styles.title}>{reason === "oldExcel" ? t("app.title") : t("outside.title")}</h1>
        {reason === "oldExcel" ? (
          <MessageBar intent="warning">
            <MessageBarBody>{t("outside.oldExcel")}</MessageBarBody>
          </MessageBar>
        ) : (
          <>
            <Text>{t("outside.body")}</Text>
            {reason === "noOfficeJs" && (
              <MessageBar intent="warning">
                <MessageBarBody>{t("outside.noOfficeJs")}</MessageBarBody>
              </MessageBar>
            )}
            <h2 className={styles.h2}>{t("outside.stepsTitle")}</h2>
            <ol className={styles.steps}>
              <li>{t("outside.stepWeb")}</li>
              <li>{t("outside.stepDesktop")}</li>
              <li>{t("outside.stepOpen")}</li>
            </ol>
            <Text size={200}>{t("outside.readme")}</Text>
          </>
        )}
      </Card>
    </main>
  );
}

export function OutsideOffice({ reason, language, theme }: { reason: OutsideReason; language: string | null; theme: ThemeName }) {
  return (
    <FluentProvider theme={fluentTheme(theme)}>
      <I18nProvider displayLanguage={language}>
        <Explanation reason={reason} />
      </I18nProvider>
    </FluentProvider>
  );
}
