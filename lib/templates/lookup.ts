export interface TemplateCandidate {
  id: string;
  accountId: string;
  storeId: string | null;
  eventType: string;
  body: string;
}

/** The store's own active template for the type wins; else the account-wide one; else none. */
export function pickTemplate(candidates: TemplateCandidate[], accountId: string, storeId: string, eventType: string): TemplateCandidate | null {
  let accountWide: TemplateCandidate | null = null;
  for (const t of candidates) {
    if (t.accountId !== accountId || t.eventType !== eventType) continue;
    if (t.storeId === storeId) return t;
    if (t.storeId === null) accountWide = t;
  }
  return accountWide;
}
