// Development page (devpane.html): not in the manifest, loads the local office.js, works offline.
// Placeholder; to be filled with fixtures and a fake Excel for UI work in a plain browser.
import { createRoot } from "react-dom/client";
import { FluentProvider, Text, webLightTheme } from "@fluentui/react-components";

const container = document.getElementById("container");

Office.onReady(() => {
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <Text>dev page</Text>
    </FluentProvider>,
  );
});
