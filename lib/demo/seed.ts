import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { accounts, memberships, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/auth/permissions';
import { seedConversionsDemo } from './conversions';
import { seedEventsDemo } from './events';
import { seedQueueDemo } from './queue';
import { seedSendsDemo } from './sends';

export const DEMO_PASSWORD = 'pombo-demo';

export const DEMO_USERS: { email: string; name: string; role: Role | 'admin' }[] = [
  { email: 'owner@demo.test', name: 'Olívia Dona', role: 'owner' },
  { email: 'operator@demo.test', name: 'Otávio Operador', role: 'operator' },
  { email: 'editor@demo.test', name: 'Elisa Editora', role: 'editor' },
  { email: 'viewer@demo.test', name: 'Vítor Leitor', role: 'viewer' },
  { email: 'admin@pombo.test', name: 'Admin da Plataforma', role: 'admin' },
];

/** What each feature's demo seeder gets: the demo account ("Loja Demo"), the partner account, the demo users' ids. */
export interface DemoContext {
  accountId: string;
  partnerAccountId: string;
  userIdOf(email: string): string;
}

/**
 * Each feature seeds its own demo objects, in this order (later ones may use earlier ones' rows):
 * one line per feature, its seeder in lib/demo/<feature>.ts.
 */
const DEMO_SEEDERS: ((ctx: DemoContext) => Promise<void>)[] = [
  seedQueueDemo,
  seedEventsDemo,
  seedConversionsDemo,
  seedSendsDemo,
];

/** Seeds the demo tenant when the database has no users yet. Returns whether it seeded. */
export async function seedDemoIfEmpty(): Promise<boolean> {
  const db = getDb();
  const [{ n }] = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM users`);
  if (n > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const context = await db.transaction(async (tx) => {
    const [demo] = await tx.insert(accounts).values({ name: 'Loja Demo' }).returning();
    // A second account for the owner, so the account switcher has something to switch to.
    const [partner] = await tx.insert(accounts).values({ name: 'Loja Parceira' }).returning();
    const created = await tx
      .insert(users)
      .values(DEMO_USERS.map((u) => ({ email: u.email, name: u.name, passwordHash, isPlatformAdmin: u.role === 'admin' })))
      .returning({ id: users.id, email: users.email });
    const idOf = (email: string) => created.find((u) => u.email === email)!.id;
    await tx.insert(memberships).values([
      ...DEMO_USERS.filter((u) => u.role !== 'admin').map((u) => ({ accountId: demo!.id, userId: idOf(u.email), role: u.role as Role })),
      { accountId: partner!.id, userId: idOf('owner@demo.test'), role: 'owner' as const },
    ]);
    return { accountId: demo!.id, partnerAccountId: partner!.id, userIdOf: idOf };
  });
  for (const seeder of DEMO_SEEDERS) await seeder(context);
  return true;
}
