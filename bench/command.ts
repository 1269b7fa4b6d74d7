/**
 * The headless command as a partner runs it (`node bin/csp-reconcile.js`), in a child process:
 * its wall time and peak memory (maximum resident set size) from GNU time, or from
 * process.resourceUsage() in a wrapper when /usr/bin/time is missing.
 */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import * as path from "path";
import { childrenCpuMs } from "./clock";

export interface CommandRun {
  readonly wallMs: number;
  readonly maxRssKb: number;
  readonly cpuMs: number;
  readonly exitCode: number;
  readonly how: string;
  readonly stderr: string;
}

function run(cmd: string, args: string[], cwd: string): Promise<{ code: number; stderr: string; ms: number }> {
  const t = performance.now();
  return new Promise((resolve) =>
    execFile(cmd, args, { cwd, maxBuffer: 64 * 1024 * 1024, timeout: 3 * 3600_000 }, (error, _out, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stderr: String(stderr), ms: performance.now() - t }),
    ),
  );
}

export async function runCommand(root: string, args: readonly string[], nodeFlags: readonly string[] = []): Promise<CommandRun> {
  const bin = path.join(root, "bin", "csp-reconcile.js");
  const hasTime = await fs.access("/usr/bin/time").then(() => true, () => false);
  if (hasTime) {
    const r = await run("/usr/bin/time", ["-v", process.execPath, ...nodeFlags, bin, ...args], root);
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
    const user = /User time \(seconds\): ([\d.]+)/.exec(r.stderr);
    const system = /System time \(seconds\): ([\d.]+)/.exec(r.stderr);
    const cpuMs = user && system ? (Number(user[1]) + Number(system[1])) * 1000 : NaN;
    return { wallMs: r.ms, maxRssKb: rss ? Number(rss[1]) : NaN, cpuMs, exitCode: r.code, how: "/usr/bin/time -v", stderr: r.stderr };
  }
  const wrapper =
    `const {main}=require(${JSON.stringify(path.join(root, "build", "cli", "main.js"))});` +
    `main(process.argv.slice(1)).then((c)=>{process.stderr.write("maxRSS "+process.resourceUsage().maxRSS+"\\n");process.exit(c)})`;
  const c0 = childrenCpuMs();
  const r = await run(process.execPath, [...nodeFlags, "-e", wrapper, "--", ...args], root);
  const rss = /maxRSS (\d+)/.exec(r.stderr);
  return { wallMs: r.ms, maxRssKb: rss ? Number(rss[1]) : NaN, cpuMs: childrenCpuMs() - c0, exitCode: r.code, how: "process.resourceUsage().maxRSS", stderr: r.stderr };
}
