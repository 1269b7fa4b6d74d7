/**
 * Investigation tool: LibreOffice's own clock around one full recalculation. A Basic macro in a
 * private profile loads the workbook without recalculating (OOXMLRecalcMode "never"), then
 * times `calculateAll()` twice with GetSystemTicks. Unlike open+recalculate+save, this leaves
 * out loading and saving, so the cost of a few columns can be told apart from the noise of a
 * shared machine.
 */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { sofficeBinary } from "../test/support/libreoffice";

const REGISTRY = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>1</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

const LIBRARIES = () => `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:libraries PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "libraries.dtd">
<library:libraries xmlns:library="http://openoffice.org/2000/library" xmlns:xlink="http://www.w3.org/1999/xlink">
 <library:library library:name="Standard" library:link="false"/>
</library:libraries>
`;

const LIBRARY = (kind: "script" | "dialog") => `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">
<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" library:readonly="false" library:passwordprotected="false">
${kind === "script" ? ' <library:element library:name="Bench"/>\n' : ""}</library:library>
`;

const MODULE = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Bench" script:language="StarBasic">
Sub Calc(url As String, outFile As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = &quot;Hidden&quot;
  args(0).Value = True
  Dim t0 As Long, t1 As Long, t2 As Long, t3 As Long
  t0 = GetSystemTicks()
  doc = StarDesktop.loadComponentFromURL(url, &quot;_blank&quot;, 0, args())
  t1 = GetSystemTicks()
  doc.calculateAll()
  t2 = GetSystemTicks()
  doc.calculateAll()
  t3 = GetSystemTicks()
  doc.close(True)
  n = FreeFile
  Open outFile For Output As #n
  Print #n, (t1 - t0) &amp; &quot; &quot; &amp; (t2 - t1) &amp; &quot; &quot; &amp; (t3 - t2)
  Close #n
  StarDesktop.terminate()
End Sub
</script:module>
`;

function soffice(args: string[]): Promise<void> {
  return new Promise<void>((resolve, reject) =>
    execFile(sofficeBinary(), args, { timeout: 1_800_000 }, (error, _o, stderr) =>
      error ? reject(new Error(`LibreOffice failed: ${error.message} ${stderr}`)) : resolve(),
    ),
  );
}

let profile: Promise<string> | null = null;

async function macroProfile(): Promise<string> {
  if (!profile) {
    profile = (async () => {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-lo-calc-"));
      await fs.mkdir(path.join(dir, "user"), { recursive: true });
      await fs.writeFile(path.join(dir, "user", "registrymodifications.xcu"), REGISTRY);
      // The first start fills the profile (and rewrites its Basic library index): add ours after.
      await soffice([`-env:UserInstallation=file://${dir}`, "--headless", "--norestore", "--nologo", "--terminate_after_init"]);
      const basic = path.join(dir, "user", "basic");
      await fs.mkdir(path.join(basic, "Standard"), { recursive: true });
      await fs.writeFile(path.join(basic, "script.xlc"), LIBRARIES());
      await fs.writeFile(path.join(basic, "dialog.xlc"), LIBRARIES());
      await fs.writeFile(path.join(basic, "Standard", "script.xlb"), LIBRARY("script"));
      await fs.writeFile(path.join(basic, "Standard", "dialog.xlb"), LIBRARY("dialog"));
      await fs.writeFile(path.join(basic, "Standard", "Bench.xba"), MODULE);
      return dir;
    })();
  }
  return profile;
}

export interface CalcTiming {
  readonly loadMs: number;
  /** First full recalculation after a load that did not recalculate. */
  readonly calcMs: number;
  /** A second one, on a warm document. */
  readonly recalcMs: number;
}

export async function calcTiming(file: string): Promise<CalcTiming> {
  const prof = await macroProfile();
  const out = path.join(path.dirname(prof), `${path.basename(prof)}-${path.basename(file)}.txt`);
  await fs.rm(out, { force: true });
  const url = `file://${path.resolve(file)}`;
  await soffice([`-env:UserInstallation=file://${prof}`, "--headless", "--norestore", "--nologo", `macro:///Standard.Bench.Calc("${url}","${out}")`]);
  const text = await fs.readFile(out, "utf8").catch(() => {
    throw new Error(`the macro wrote no timing for ${file}`);
  });
  const [loadMs, calcMs, recalcMs] = text.trim().split(/\s+/).map(Number);
  return { loadMs, calcMs, recalcMs };
}
