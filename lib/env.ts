import { z } from 'zod';

/** Process configuration, read once. Every variable is documented in the README. */
const envSchema = z.object({
  DATABASE_URL: z.string().optional(),
  PORT: z.coerce.number().int().positive().default(3000),
  POMBO_DATA_DIR: z.string().default('.pombo'),
  POMBO_WORKERS: z.enum(['on', 'off']).default('on'),
  POMBO_SECRET: z.string().optional(),
  POMBO_DAILY_RESET_UTC_HOUR: z.coerce.number().int().min(0).max(23).default(21),
  POMBO_RETRY_INTERVAL_MINUTES: z.coerce.number().positive().default(30),
  POMBO_RETENTION_DAYS: z.coerce.number().int().positive().default(30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  cached ??= envSchema.parse(process.env);
  return cached;
}

export function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set (npm start sets it for the embedded Postgres)');
  return url;
}
