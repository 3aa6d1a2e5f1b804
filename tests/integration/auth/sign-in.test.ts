import { afterEach, describe, expect, it } from 'vitest';
import { verifyCredentials } from '@/lib/auth/credentials';
import { THROTTLE } from '@/lib/auth/throttle';
import { fixedClock, useClock } from '@/lib/clock';
import { TEST_PASSWORD, createUser } from '../../support/factories';

let restore: (() => void) | undefined;
afterEach(() => restore?.());

const uniqueIp = () => `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}-${Math.random()}`;

describe('sign-in', () => {
  it('accepts the right password (email is case-insensitive) and rejects a wrong one', async () => {
    const user = await createUser();
    expect(await verifyCredentials({ email: user.email.toUpperCase(), password: TEST_PASSWORD }, uniqueIp())).toMatchObject({ ok: true, user: { id: user.id } });
    expect(await verifyCredentials({ email: user.email, password: 'errada' }, uniqueIp())).toEqual({ ok: false });
    expect(await verifyCredentials({ email: 'ninguem@test.local', password: 'x' }, uniqueIp())).toEqual({ ok: false });
    expect(await verifyCredentials({ email: 'not-an-email', password: '' }, uniqueIp())).toEqual({ ok: false });
  });

  it('stores a slow hash, never the password', async () => {
    const user = await createUser();
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain(TEST_PASSWORD);
  });

  it(`locks an email after ${THROTTLE.emailLimit} failures for ${THROTTLE.windowMinutes} minutes, even for the right password`, async () => {
    const clock = fixedClock(new Date('2026-03-01T12:00:00Z'));
    restore = useClock(clock);
    const user = await createUser();
    for (let i = 0; i < THROTTLE.emailLimit; i++) {
      expect(await verifyCredentials({ email: user.email, password: 'errada' }, uniqueIp())).toEqual({ ok: false });
    }
    await expect(verifyCredentials({ email: user.email, password: TEST_PASSWORD }, uniqueIp())).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    clock.advance((THROTTLE.windowMinutes - 1) * 60_000);
    await expect(verifyCredentials({ email: user.email, password: TEST_PASSWORD }, uniqueIp())).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    clock.advance(2 * 60_000);
    expect(await verifyCredentials({ email: user.email, password: TEST_PASSWORD }, uniqueIp())).toMatchObject({ ok: true });
  });

  it('a success resets the email counter; failures in an old window do not add up', async () => {
    const clock = fixedClock(new Date('2026-03-02T12:00:00Z'));
    restore = useClock(clock);
    const user = await createUser();
    for (let i = 0; i < THROTTLE.emailLimit - 1; i++) await verifyCredentials({ email: user.email, password: 'errada' }, uniqueIp());
    await verifyCredentials({ email: user.email, password: TEST_PASSWORD }, uniqueIp());
    for (let i = 0; i < THROTTLE.emailLimit - 1; i++) await verifyCredentials({ email: user.email, password: 'errada' }, uniqueIp());
    clock.advance((THROTTLE.windowMinutes + 1) * 60_000);
    await verifyCredentials({ email: user.email, password: 'errada' }, uniqueIp());
    expect(await verifyCredentials({ email: user.email, password: TEST_PASSWORD }, uniqueIp())).toMatchObject({ ok: true });
  });

  it(`locks an IP after ${THROTTLE.ipLimit} failures across different emails`, async () => {
    restore = useClock(fixedClock(new Date('2026-03-03T12:00:00Z')));
    const ip = uniqueIp();
    for (let i = 0; i < THROTTLE.ipLimit; i++) await verifyCredentials({ email: `x${i}-${ip}@test.local`, password: 'errada' }, ip);
    const user = await createUser();
    await expect(verifyCredentials({ email: user.email, password: TEST_PASSWORD }, ip)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(await verifyCredentials({ email: user.email, password: TEST_PASSWORD }, uniqueIp())).toMatchObject({ ok: true });
  });
});
