#!/usr/bin/env node
// Renders assets/icon-{16,32,64,80,128}.png from the SVG sources in assets/ with headless Chromium.
// Run by hand after editing an SVG:  node scripts/render-icons.js  (CHROMIUM=/path/to/chromium to override).
// The PNGs are committed; the build only copies them.
"use strict";

const fs = require("fs");
const path = require("path");
const { chromium } = require("playwright-core");

const assets = path.join(__dirname, "..", "assets");
// Small sizes use a pixel-aligned glyph without detail; larger sizes the detailed one.
const jobs = [
  { size: 16, svg: "icon-small.svg" },
  { size: 32, svg: "icon-small.svg" },
  { size: 64, svg: "icon.svg" },
  { size: 80, svg: "icon.svg" },
  { size: 128, svg: "icon.svg" },
];

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox"],
  });
  try {
    const page = await browser.newPage();
    for (const { size, svg } of jobs) {
      const dataUrl = "data:image/svg+xml;base64," + fs.readFileSync(path.join(assets, svg)).toString("base64");
      const pngDataUrl = await page.evaluate(
        async ({ dataUrl, size }) => {
          const img = new Image();
          img.src = dataUrl;
          await img.decode();
          const canvas = document.createElement("canvas");
          canvas.width = canvas.height = size;
          canvas.getContext("2d").drawImage(img, 0, 0, size, size);
          return canvas.toDataURL("image/png");
        },
        { dataUrl, size },
      );
      const out = path.join(assets, `icon-${size}.png`);
      fs.writeFileSync(out, Buffer.from(pngDataUrl.split(",")[1], "base64"));
      console.log(`wrote ${path.relative(process.cwd(), out)}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
