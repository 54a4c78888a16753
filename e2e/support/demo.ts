import { DEMO_USERS } from "../../db/seed";

export type DemoRole = "admin" | "finance" | "viewer" | "customer";

export function demoUser(role: DemoRole) {
  const user = DEMO_USERS.find((candidate) => candidate.role === role);
  if (!user) throw new Error(`no demo user for ${role}`);
  return user;
}

export const storageStateFor = (role: DemoRole) => `e2e/.auth/${role}.json`;
