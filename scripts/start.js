#!/usr/bin/env node
// npm start [-- desktop | web --document <url>]
// Windows / Mac: `office-addin-debugging start manifest.xml <args>` (sideloads into desktop Excel, or opens
// Excel on the web with --document). On Linux that CLI prints an error but exits 0 for anything except
// `web --document`, so we explain instead of pretending to succeed.
"use strict";

const { runOfficeDebugging } = require("./office-debugging");

const args = process.argv.slice(2);
const port = process.env.npm_package_config_dev_server_port || 3000;
const wantsWeb = args.includes("web");
const hasDocument = args.some((a) => a === "--document" || a.startsWith("--document=")) || Boolean(process.env.npm_package_config_document);

if (process.platform === "linux" && !(wantsWeb && hasDocument)) {
  console.error(`
There is no desktop Excel on Linux, so the add-in cannot be sideloaded here${wantsWeb ? " without a workbook URL" : ""}.
Use Excel on the web instead:

  1. npm run dev-server
       serves https://localhost:${port} (needs the dev certificate; see its warnings if it falls back).
  2. either
       npm start -- web --document "<URL of a workbook in OneDrive or SharePoint>"
         opens that workbook in your browser with the add-in sideloaded from the dev server
         (office-addin-debugging starts the dev server itself if it is not running);
     or, in Excel on the web: Home > Add-ins > More Settings > Upload My Add-in > manifest.xml
         (the sideload lives in that browser's storage; repeat it after clearing the cache).

For UI work without Excel, open https://localhost:${port}/devpane.html in any browser.
`);
  process.exit(1);
}

process.exit(runOfficeDebugging("start", args));
