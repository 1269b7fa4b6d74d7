/**
 * Wall time and CPU time of a piece of work. This machine is shared (other jobs keep its two
 * cores busy at times), which stretches wall time but hardly CPU time, so both are recorded and
 * ratios are given on CPU time as well. In-process work is measured with process.cpuUsage()
 * (every thread of this process, garbage collection included); child processes (LibreOffice,
 * the command) through the children's times the kernel adds to ours once they have exited.
 */
import { readFileSync } from "fs";

export interface Lap {
  readonly wallMs: number;
  readonly cpuMs: number;
}

const TICK_MS = 10; // getconf CLK_TCK = 100 on Linux

/** CPU time of exited, waited-for children (and their descendants), from /proc/self/stat. */
export function childrenCpuMs(): number {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Fields 16 and 17 of stat(5) (cutime, cstime); the slice starts at field 3.
    return (Number(fields[13]) + Number(fields[14])) * TICK_MS;
  } catch {
    return NaN;
  }
}

function ownCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * Times `f`; `children` measures child processes' CPU instead of this process's. `collect`
 * (default) collects garbage first, so that no lap pays for the garbage of the one before; off,
 * the lap runs in whatever state the heap is in, as a step of the command does.
 */
export async function lap<T>(f: () => T | Promise<T>, children = false, collect = true): Promise<Lap & { value: T }> {
  if (collect) (globalThis as { gc?: () => void }).gc?.();
  const cpu = children ? childrenCpuMs : ownCpuMs;
  const c0 = cpu();
  const t0 = performance.now();
  const value = await f();
  return { wallMs: performance.now() - t0, cpuMs: cpu() - c0, value };
}
