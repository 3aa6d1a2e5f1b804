import path from 'node:path';

export const DEMO_PASSWORD = 'pombo-demo';

export const DEMO = {
  owner: 'owner@demo.test',
  operator: 'operator@demo.test',
  editor: 'editor@demo.test',
  viewer: 'viewer@demo.test',
  admin: 'admin@pombo.test',
} as const;

export type DemoRole = keyof typeof DEMO;

/** The saved sign-in of a demo user, made once per run by sign-in.setup.ts (per run dir, so side-by-side runs keep theirs). */
export function storageStateOf(role: DemoRole): string {
  return path.join(process.cwd(), process.env.POMBO_E2E_AUTH_DIR ?? 'tests/e2e/.auth', `${role}.json`);
}
