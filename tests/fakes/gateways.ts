import { startFakePayPal } from "./paypal";
import { startFakeStripe } from "./stripe";

/**
 * Both fake gateways on loopback, sending their webhooks to the app at `hookBase`, with the
 * environment that points CleanPay at them. Used by `npm run dev:fake` and the e2e server.
 */
export async function startFakeGateways(options: { hookBase: string; appUrl: string; stripePort: number; paypalPort: number }) {
  const stripe = await startFakeStripe({
    port: options.stripePort,
    secretKey: "sk_test_fake_demo",
    webhookSecret: "whsec_fake_demo_secret",
    webhookUrl: `${options.hookBase}/api/webhooks/stripe`,
  });
  const paypal = await startFakePayPal({
    port: options.paypalPort,
    clientId: "fake-paypal-demo-client",
    clientSecret: "fake-paypal-demo-secret",
    webhookId: "WH-FAKE-DEMO",
    webhookUrl: `${options.hookBase}/api/webhooks/paypal`,
  });
  const env = {
    STRIPE_SECRET_KEY: stripe.secretKey,
    STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
    STRIPE_API_URL: stripe.apiUrl,
    PAYPAL_CLIENT_ID: paypal.clientId,
    PAYPAL_CLIENT_SECRET: paypal.clientSecret,
    PAYPAL_WEBHOOK_ID: paypal.webhookId,
    PAYPAL_API_URL: paypal.apiUrl,
    CLEANPAY_FAKE_GATEWAYS: "1",
    APP_URL: options.appUrl,
  };
  return {
    stripe,
    paypal,
    env,
    close: () => Promise.allSettled([stripe.close(), paypal.close()]),
  };
}
