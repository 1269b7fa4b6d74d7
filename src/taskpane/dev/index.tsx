// Development page (devpane.html): not in the manifest. Mounts the same App as the production pane,
// wired to the real gateway over the in-memory fake Excel, in a plain browser and offline.
//   ?workbook=empty|sheets   a new workbook, or one with a few export sheets the user opened
//   ?lang=fr-FR              Office display language to simulate
//   ?theme=dark              Office theme to simulate
// The browser test reads the workbook through window.__fakeWorkbook and holds reconciles with window.__gate.
import { createRoot } from "react-dom/client";
import { App } from "../App";
import { createDevWorkbook } from "./fake-workbook";
import { gated } from "./hooks";

const params = new URLSearchParams(location.search);
const workbook = createDevWorkbook(params.get("workbook") === "sheets" ? "sheets" : "empty");
const { gateway, gate } = gated(workbook.gateway);
window.__fakeWorkbook = workbook.hooks;
window.__gate = gate;

const container = document.getElementById("container");
if (container) {
  createRoot(container).render(
    <App gateway={gateway} displayLanguage={params.get("lang") ?? navigator.language} theme={params.get("theme") === "dark" ? "dark" : "light"} />,
  );
}
