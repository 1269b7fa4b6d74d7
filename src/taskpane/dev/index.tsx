// Development page (devpane.html): not in the manifest. Mounts the same App as the production pane,
// wired to an in-memory workbook, in a plain browser and offline. Query parameters:
//   ?workbook=empty|sheets   start from an empty workbook or from a few opened export sheets
//   ?lang=fr-FR              Office display language to simulate
//   ?theme=dark              Office theme to simulate
import { createRoot } from "react-dom/client";
import { App } from "../App";
import { createStubGateway } from "./stub-gateway";
import { SAMPLE_SHEETS } from "./sample-sheets";

declare global {
  interface Window {
    __devWorkbook?: ReturnType<typeof createStubGateway>;
  }
}

const params = new URLSearchParams(location.search);
const stub = createStubGateway(params.get("workbook") === "sheets" ? SAMPLE_SHEETS : []);
window.__devWorkbook = stub;

const container = document.getElementById("container");
if (container) {
  createRoot(container).render(
    <App gateway={stub.gateway} displayLanguage={params.get("lang") ?? navigator.language} theme={params.get("theme") === "dark" ? "dark" : "light"} />,
  );
}
