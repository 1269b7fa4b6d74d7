// Production task pane (taskpane.html, referenced by the manifest).
import { createRoot } from "react-dom/client";
import { detectHost } from "./bootstrap";
import { OutsideOffice } from "./components/OutsideOffice";

const container = document.getElementById("container");

void detectHost().then((host) => {
  if (!container) return;
  const root = createRoot(container);
  if (host.kind === "outside") {
    root.render(<OutsideOffice reason={host.reason} language={host.language} theme={host.theme} />);
    return;
  }
  // TODO(wire): createOfficeGateway() from src/office once it lands.
  root.render(<OutsideOffice reason="notInExcel" language={host.language} theme={host.theme} />);
});
