/**
 * The one interface every WhatsApp provider implements. The dispatcher never knows which one it
 * talks to: it hands over a claimed message and gets an outcome it can act on.
 */
export const PROVIDER_KINDS = ['sandbox', 'whatsapp_cloud', 'http'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** How a failure is treated: transient → back to the queue with backoff; permanent → failed now;
 *  auth → the instance's credentials were refused: the instance is disconnected and the message waits. */
export type FailureKind = 'transient' | 'permanent' | 'auth';

export interface OutgoingMessage {
  /** Also the idempotency key the provider sees: a retried or re-leased send is recognisable. */
  id: string;
  to: string;
  body: string;
  attempt: number;
}

export interface ProviderInstance {
  id: string;
  phoneNumber: string;
  config: Record<string, unknown>;
  /** The unsealed token or signing secret, when the provider has one. */
  secret: string | null;
}

export type SendOutcome =
  | { ok: true; providerMessageId: string; httpStatus?: number }
  | { ok: false; kind: FailureKind; error: string; httpStatus?: number };

export type CheckOutcome = { ok: true; detail?: string } | { ok: false; error: string };

export interface Provider {
  kind: ProviderKind;
  /** Providers that report receipts leave a sent message "pending" until one arrives; the others count it delivered at once. */
  reportsReceipts(instance: ProviderInstance): boolean;
  send(instance: ProviderInstance, message: OutgoingMessage, signal: AbortSignal): Promise<SendOutcome>;
  /** Verifies the credentials before an instance is connected. */
  check(instance: ProviderInstance, signal: AbortSignal): Promise<CheckOutcome>;
}
