// Placeholder task pane entry (to be replaced by the real app).
import { createRoot } from "react-dom/client";
import { FluentProvider, Text, webLightTheme } from "@fluentui/react-components";

const container = document.getElementById("container");

// Render only once office.js is ready: Excel APIs are unusable before that. Outside Office
// (plain browser) onReady resolves at once with host null, so the page still renders.
Office.onReady(() => {
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <Text as="h1" size={500} weight="semibold">
        CSP Reconcile
      </Text>
    </FluentProvider>,
  );
});
