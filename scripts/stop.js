#!/usr/bin/env node
// npm stop: `office-addin-debugging stop manifest.xml` (unregisters the sideloaded add-in on Windows / Mac
// and stops the dev server that `npm start` launched).
"use strict";

const { runOfficeDebugging } = require("./office-debugging");

if (process.platform === "linux") {
  console.log(
    "Linux: there is no desktop sideload to undo, so office-addin-debugging will report\n" +
      "\"Unable to unregister ... Platform not supported: linux\"; that is expected. It still stops the dev\n" +
      "server that `npm start -- web` launched. An add-in uploaded in Excel on the web stays in that browser\n" +
      "until you remove it there (Add-ins > My Add-ins) or clear the browser cache.\n",
  );
}

process.exit(runOfficeDebugging("stop", process.argv.slice(2)));
