/**
 * The demo with no gateway account anywhere: starts the fake Stripe and fake PayPal from
 * tests/fakes on fixed loopback ports, then `next dev` pointed at them. Paying by card opens the
 * fake's hosted page; its Pay button sends signed webhooks to this app and comes back.
 *
 *   npm run dev:fake            (FAKE_STRIPE_PORT, FAKE_PAYPAL_PORT, PORT change the ports)
 */
import { spawn } from "node:child_process";
import { startFakeGateways } from "../tests/fakes/gateways";

const appPort = Number(process.env.PORT ?? 3000);
const appUrl = process.env.APP_URL ?? `http://localhost:${appPort}`;
// webhooks go straight to the dev server on loopback, whatever host name the browser uses
const hookBase = `http://127.0.0.1:${appPort}`;

const fakes = await startFakeGateways({
  hookBase,
  appUrl,
  stripePort: Number(process.env.FAKE_STRIPE_PORT ?? 12111),
  paypalPort: Number(process.env.FAKE_PAYPAL_PORT ?? 12112),
});
const { stripe, paypal, env: gatewayEnv } = fakes;

console.log(`Fake Stripe on ${stripe.apiUrl} (webhooks → ${hookBase}/api/webhooks/stripe)`);
console.log(`Fake PayPal on ${paypal.apiUrl} (webhooks → ${hookBase}/api/webhooks/paypal)`);
console.log("Environment given to next dev (also usable for a separate `next dev`):");
for (const [name, value] of Object.entries(gatewayEnv)) console.log(`  ${name}=${value}`);

const next = spawn("npx", ["next", "dev", "-p", String(appPort)], { stdio: "inherit", env: { ...process.env, ...gatewayEnv } });

let stopping = false;
async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await fakes.close();
  process.exit(code);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    // next gets the terminal's Ctrl-C itself; pass a kill on, then wait for it to exit
    if (!next.killed) next.kill(signal);
  });
}
next.on("exit", (code) => void stop(code ?? 0));
next.on("error", (error) => {
  console.error("could not start next dev:", error);
  void stop(1);
});
