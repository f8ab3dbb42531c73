/**
 * Caps a server process of the load benchmark at a fraction of one core, with a cgroup of its
 * own (cgroup v2's cpu.max, or v1's cfs quota), so that each instance is what it would be on a
 * small machine of its own. On one shared machine the instances, the database and the load
 * generator otherwise take the same cores, and adding instances only adds contention: with each
 * capped, what several instances add shows, as long as the database keeps up (the database's
 * and the generator's use of the rest is what the figures then tell).
 *
 * Needs root (or a delegated cgroup) and a cgroup file system; when it cannot, says why and the
 * run goes on uncapped.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rmdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The scheduler's period: the quota is this times the fraction. */
const PERIOD_US = 100_000;

export interface CpuCap {
  /** How often the process was held back for using up its share, of the periods it ran in. */
  throttledShare(): Promise<number | null>;
  /** Removes the cgroup once the process is gone. */
  remove(): Promise<void>;
}

/** Puts `pid` in a new cgroup capped at `cores` (0 < cores); a reason in words when it cannot. */
export async function capCpu(pid: number, cores: number, name: string): Promise<CpuCap | { problem: string }> {
  const quota = Math.round(cores * PERIOD_US);
  const v2 = '/sys/fs/cgroup';
  const v1 = '/sys/fs/cgroup/cpu';
  try {
    if (existsSync(join(v2, 'cgroup.controllers'))) {
      const dir = join(v2, name);
      await mkdir(dir);
      await writeFile(join(dir, 'cpu.max'), `${quota} ${PERIOD_US}`);
      await writeFile(join(dir, 'cgroup.procs'), String(pid));
      return cap(dir);
    }
    if (existsSync(join(v1, 'cpu.cfs_quota_us'))) {
      const dir = join(v1, name);
      await mkdir(dir);
      await writeFile(join(dir, 'cpu.cfs_period_us'), String(PERIOD_US));
      await writeFile(join(dir, 'cpu.cfs_quota_us'), String(quota));
      await writeFile(join(dir, 'cgroup.procs'), String(pid));
      return cap(dir);
    }
    return { problem: 'no cgroup cpu controller is mounted under /sys/fs/cgroup' };
  } catch (error) {
    return { problem: `cannot make a cgroup (${(error as Error).message}): run as root, or set BENCH_INSTANCE_CPU=0` };
  }
}

function cap(dir: string): CpuCap {
  return {
    async throttledShare() {
      try {
        const stat = Object.fromEntries(
          (await readFile(join(dir, 'cpu.stat'), 'utf8')).trim().split('\n').map((line) => line.split(' ') as [string, string]),
        );
        const periods = Number(stat.nr_periods);
        return periods > 0 ? Number(stat.nr_throttled) / periods : null;
      } catch {
        return null;
      }
    },
    async remove() {
      // The kernel may take a moment to see the process gone.
      for (let attempt = 0; attempt < 20; attempt++) {
        try {
          await rmdir(dir);
          return;
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    },
  };
}
