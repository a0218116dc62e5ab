// What the benchmarks read of the app's processes from /proc: the process table, a process's
// proportional set size (PSS: shared pages split between the processes sharing them, so the
// WebKit processes' shared libraries are not counted twice) and that of a whole process tree.

import { readFileSync, readdirSync } from 'node:fs';

/** pid → { ppid, comm } of every process now. */
export function processes() {
  const all = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      all.set(Number(entry), { ppid, comm });
    } catch { /* the process ended meanwhile */ }
  }
  return all;
}

/** Proportional set size of one process, KiB (0 once it is gone). */
export function pssKiB(pid) {
  try {
    const match = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').match(/^Pss:\s+(\d+) kB/m);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** PSS (KiB) of `rootPid` and every process below it, per process name (the app, its WebKit
 *  web and network processes): name → KiB. */
export function treePssByName(rootPid) {
  const all = processes();
  const inTree = (pid) => pid === rootPid || (all.has(pid) && pid > 1 && inTree(all.get(pid).ppid));
  const byName = {};
  for (const [pid, { comm }] of all) if (inTree(pid)) byName[comm] = (byName[comm] ?? 0) + pssKiB(pid);
  return byName;
}

/** The PSS (KiB) of every process of a `treePssByName` answer together. */
export function totalKiB(byName) {
  return Object.values(byName).reduce((sum, kib) => sum + kib, 0);
}
