import fc from "fast-check";

/**
 * Runs `work(i)` for every i in [0, n) with `concurrency` calls in flight at all times (not in
 * waves), and returns the results in index order.
 */
export async function inLanes<T>(n: number, concurrency: number, work: (i: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, n) }, async () => {
      while (next < n) {
        const i = next++;
        results[i] = await work(i);
      }
    }),
  );
  return results;
}

/**
 * The seed of this run's random orders: RELIABILITY_SEED when set (to replay a failure), else new.
 * Printed, so a failing order can be run again.
 */
export function runSeed(label: string): number {
  const given = process.env.RELIABILITY_SEED;
  const seed = given ? Number(given) : Math.floor(Math.random() * 2 ** 31);
  if (!Number.isSafeInteger(seed)) throw new Error(`RELIABILITY_SEED must be an integer, not ${given}`);
  console.info(`${label}: seed ${seed} (rerun with RELIABILITY_SEED=${seed})`);
  return seed;
}

/** The items in an order fixed by `seed` (fast-check's generator, so the same seed gives the same order). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const [order] = fc.sample(fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length }), { seed, numRuns: 1 });
  if (!order) throw new Error("fast-check gave no sample");
  return order;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
