import type { DeliveryOutcome } from '../states';

/** What a platform gets for one event: already hashed user data, event_id for deduplication. */
export interface OutgoingConversion {
  id: string;
  eventId: string;
  eventName: string;
  eventTime: Date;
  actionSource: string;
  eventSourceUrl: string | null;
  userData: Record<string, unknown>;
  customData: Record<string, unknown>;
}

export interface PlatformDestination {
  id: string;
  config: Record<string, unknown>;
  /** The unsealed access token or signing secret. */
  secret: string | null;
}

/** Platforms answer per request: the whole batch shares one outcome. */
export interface BatchOutcome {
  outcome: DeliveryOutcome;
  httpStatus?: number;
  error?: string;
}

export interface ConversionPlatform {
  /** Events older than this (from event_time) are no longer accepted: they fail as "expirado". */
  windowMs: number;
  /** Largest batch one request may carry. */
  maxBatch: number;
  send(destination: PlatformDestination, events: OutgoingConversion[], opts: { signal: AbortSignal; test?: boolean }): Promise<BatchOutcome>;
}

export const DAY_MS = 24 * 60 * 60 * 1000;
