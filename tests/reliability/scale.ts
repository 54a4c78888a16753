// How big the reliability scenarios run. RELIABILITY_SCALE=full (the default, `npm run
// test:reliability`) uses the sizes of issue 7; RELIABILITY_SCALE=ci shrinks them so the whole
// suite stays well under three minutes on two cores. Every scenario reads its counts from here.

export type ReliabilityScaleName = "full" | "ci";

export interface ReliabilityScale {
  name: ReliabilityScaleName;
  /** per test: the full size needs minutes on a small machine */
  testTimeoutMs: number;
  /** connections each test file opens to its own database */
  poolSize: number;
  /** one checkout.session.completed delivered this many times … */
  stormDeliveries: number;
  /** … with this many deliveries in flight at once */
  stormConcurrency: number;
  /** payments whose events (with duplicates) arrive shuffled */
  shuffledPayments: number;
  /** copies of every event in the shuffled delivery */
  shuffledCopies: number;
  /** distinct drafts finalized at once */
  finalizations: number;
  /** calls finalizing one and the same draft at once */
  sameDraftCalls: number;
  /** manual payments and online settlements racing on one invoice */
  paymentsOnOneInvoice: number;
  /** checkouts and refunds sent through the failing gateway fake */
  gatewayCalls: number;
  /** succeeded payments whose receipt and two staff notices go through the failing email provider */
  receiptPayments: number;
  /** drafts bulk-finalized by the child process that is killed half way */
  bulkDrafts: number;
  /** CSV rows imported by the child process that is killed half way */
  importRows: number;
}

const SCALES: Record<ReliabilityScaleName, ReliabilityScale> = {
  full: {
    name: "full",
    testTimeoutMs: 8 * 60_000,
    poolSize: 20,
    stormDeliveries: 1_000,
    stormConcurrency: 100,
    shuffledPayments: 50,
    shuffledCopies: 3,
    finalizations: 200,
    sameDraftCalls: 50,
    paymentsOnOneInvoice: 50,
    gatewayCalls: 24,
    receiptPayments: 34,
    bulkDrafts: 400,
    importRows: 5_000,
  },
  ci: {
    name: "ci",
    testTimeoutMs: 3 * 60_000,
    poolSize: 10,
    stormDeliveries: 200,
    stormConcurrency: 50,
    shuffledPayments: 16,
    shuffledCopies: 2,
    finalizations: 50,
    sameDraftCalls: 25,
    paymentsOnOneInvoice: 20,
    gatewayCalls: 8,
    receiptPayments: 12,
    bulkDrafts: 150,
    importRows: 2_000,
  },
};

/** The scale RELIABILITY_SCALE names; anything else is refused rather than silently run at full size. */
export function reliabilityScale(value: string | undefined = process.env.RELIABILITY_SCALE): ReliabilityScale {
  const name = value === undefined || value === "" ? "full" : value;
  if (name !== "full" && name !== "ci") throw new Error(`RELIABILITY_SCALE must be "full" or "ci", not "${name}".`);
  return SCALES[name];
}
