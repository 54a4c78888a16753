import { generate } from "otplib";

/** A 6-digit code that is wrong for every step the verifier accepts (now and one either side). */
export async function wrongCode(secret: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const valid = await Promise.all([-30, 0, 30].map((d) => generate({ secret, epoch: now + d })));
  let code = 0;
  while (valid.includes(String(code).padStart(6, "0"))) code++;
  return String(code).padStart(6, "0");
}
