// Production task pane (taskpane.html, referenced by the manifest). Only this file and bootstrap.ts
// read `Office`; the app reaches the workbook through the gateway it is given.
import { createRoot } from "react-dom/client";
import { createOfficeGateway } from "../office/gateway";
import { App } from "./App";
import { detectHost } from "./bootstrap";
import { OutsideOffice } from "./components/OutsideOffice";

const container = document.getElementById("container");

void detectHost().then((host) => {
  if (!container) return;
  const root = createRoot(container);
  if (host.kind === "outside") {
    root.render(<OutsideOffice reason={host.reason} language={host.language} theme={host.theme} />);
  } else {
    root.render(<App gateway={createOfficeGateway()} displayLanguage={host.language} theme={host.theme} />);
  }
});
