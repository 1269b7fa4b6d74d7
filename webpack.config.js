// Build and dev server for the task pane (modelled on OfficeDev/Office-Addin-TaskPane-React, minus its
// IE11 polyfills and babel: modern Office runs the pane in WebView2 / Safari / the user's browser).
//   npm run build       production bundle in dist/, manifest URLs rewritten to ADDIN_PUBLIC_URL: only what a
//                       host serves (taskpane.html, its scripts, assets, manifest.xml), no development page
//   npm run dev-server  https://localhost:3000 (http fallback when no certificate can be had), with devpane.html
//   env.devpane         adds the development page to a production build (test/browser/build-pane.js)
/* eslint-env node */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { PLACEHOLDER_PUBLIC_URL, productionUrl, rewriteManifestUrls } = require("./scripts/manifest-lib");

const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
// Relative, so it also resolves when dist/ is hosted under a sub-path.
const OFFICE_JS_LOCAL = "office-js/office.js";
const officeJsDist = path.join(__dirname, "node_modules", "@microsoft", "office-js", "dist");

/**
 * https options for the dev server, or undefined when no certificate is available.
 * Office only loads add-ins over https, so plain http is a last resort that still lets the devpane
 * (and Playwright) work on Linux/CI machines where the dev CA cannot be installed without sudo.
 */
async function devServerHttpsOptions() {
  try {
    // Generates the certificates on first use and installs the dev CA (prompts on Windows/Mac,
    // runs sudo on Linux). Rejects when the CA cannot be installed, even if the files were written.
    const { ca, cert, key } = await require("office-addin-dev-certs").getHttpsServerOptions();
    return { ca, cert, key };
  } catch (err) {
    const dir = path.join(os.homedir(), ".office-addin-dev-certs");
    try {
      const options = {
        cert: fs.readFileSync(path.join(dir, "localhost.crt")),
        key: fs.readFileSync(path.join(dir, "localhost.key")),
      };
      console.warn(
        `\n[dev-server] office-addin-dev-certs failed (${firstLine(err)}).\n` +
          `[dev-server] Using ${dir}/localhost.{crt,key} directly. The dev CA is not trusted, so browsers will warn\n` +
          "[dev-server] and Excel on the web may refuse the pane until you run `npx office-addin-dev-certs install`.\n",
      );
      return options;
    } catch {
      console.warn(
        `\n[dev-server] WARNING: no https certificate (${firstLine(err)}).\n` +
          "[dev-server] Falling back to PLAIN HTTP. Excel will NOT load the add-in from http; only the devpane in a\n" +
          "[dev-server] normal browser works. Run `npx office-addin-dev-certs install` to get https.\n",
      );
      return undefined;
    }
  }
}

/** Marks the lazily loaded exceljs chunk as minimized: it is a prebuilt minified file, and the minimizer skips such assets. */
class ExcelJsAlreadyMinified {
  apply(compiler) {
    const { Compilation } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("ExcelJsAlreadyMinified", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "ExcelJsAlreadyMinified", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE - 1 },
        (assets) => {
          for (const name of Object.keys(assets)) {
            if (/^exceljs\./.test(name)) compilation.updateAsset(name, (source) => source, { minimized: true });
          }
        },
      );
    });
  }
}

function firstLine(err) {
  return String((err && err.message) || err).split("\n")[0];
}

module.exports = async (env, argv) => {
  const production = argv.mode !== "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  // The development page runs the pane on the in-memory fake Excel (src/taskpane/dev): for the dev server
  // and the browser tests. A host serving dist/ must not offer a page that pretends to be a workbook.
  const devpage = !production || Boolean(env && env.devpane);
  const publicUrl = production ? productionUrl() : undefined;
  if (publicUrl === PLACEHOLDER_PUBLIC_URL && !serving) {
    console.warn(`[build] ADDIN_PUBLIC_URL is not set: dist/manifest.xml points at the placeholder ${publicUrl}`);
  }

  const page = (name, title, officeJsUrl) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template: "./src/taskpane/taskpane.html",
      chunks: [name],
      title,
      officeJsUrl,
    });

  const config = {
    mode: production ? "production" : "development",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      ...(devpage ? { devpane: "./src/taskpane/dev/index.tsx" } : {}),
    },
    output: {
      path: path.join(__dirname, "dist"),
      // Content hashes in production: Office's webviews cache add-in files hard, and a new hash is the
      // only reliable way to make clients pick up a new bundle behind an unchanged taskpane.html.
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      clean: true,
    },
    // No eval-based source maps: the pages' CSP has no 'unsafe-eval'. None at all in production.
    devtool: production ? false : "source-map",
    resolve: { extensions: [".tsx", ".ts", ".js"] },
    module: {
      // exceljs (loaded only when an .xlsx is imported) resolves to its prebuilt browser bundle: a
      // self-contained UMD file of about 1 MB with no imports for webpack to follow. Parsing it
      // and minifying it again (ExcelJsAlreadyMinified below) costs half the build time for nothing.
      noParse: /exceljs[\\/]dist[\\/]exceljs(\.bare)?\.min\.js$/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: "ts-loader",
          options: {
            transpileOnly: false, // type errors fail the build
            // Only report errors for files in this bundle; the CLI/domain code has its own tsc run.
            onlyCompileBundledFiles: true,
            // tsconfig.json says commonjs (for jest); ES modules let webpack tree-shake and split chunks.
            compilerOptions: { module: "ESNext", sourceMap: !production },
          },
        },
      ],
    },
    optimization: {
      // react / react-dom / Fluent land in a shared chunk (used by both pages when the devpane is built).
      splitChunks: { chunks: "all" },
    },
    performance: {
      hints: production ? "warning" : false,
      // Webpack measures minified bytes before compression. The pane's budget is 350 KB gzipped for
      // its first download (checked by test/browser/pane.test.ts); about 3.5 bytes minified per
      // gzipped byte makes that ~1.2 MB here. The lazily loaded exceljs chunk is not first download.
      maxEntrypointSize: 1200 * 1024,
      maxAssetSize: 1200 * 1024,
      assetFilter: (name) => name.endsWith(".js") && !name.startsWith("exceljs."),
    },
    plugins: [
      new ExcelJsAlreadyMinified(),
      page("taskpane", "CSP Reconcile", serving ? OFFICE_JS_LOCAL : OFFICE_JS_CDN),
      // The devpane runs on the fake Excel (src/office/fake): no office.js.
      ...(devpage ? [page("devpane", "CSP Reconcile (dev)", null)] : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets", globOptions: { ignore: ["**/*.svg"] } },
          {
            // The dev server must serve the manifest too: Excel on the web sideloading via
            // office-addin-debugging fetches it from https://localhost:<port>/manifest.xml.
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (production ? rewriteManifestUrls(content.toString(), publicUrl) : content),
          },
        ],
      }),
    ],
  };

  if (serving) {
    const https = await devServerHttpsOptions();
    config.devServer = {
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      server: https ? { type: "https", options: https } : "http",
      // Excel on the web fetches the manifest and icons cross-origin.
      headers: { "Access-Control-Allow-Origin": "*" },
      // The whole npm office.js package: inside Excel it loads host files (excel-web-16.00.js, ...)
      // and locale strings relative to its own URL.
      static: [{ directory: officeJsDist, publicPath: "/office-js", watch: false }],
    };
  }

  return config;
};
