import { expect, test as setup } from '@playwright/test';
import { DEMO, storageStateOf, type DemoRole } from './roles';
import { signIn } from './sign-in';

for (const role of Object.keys(DEMO) as DemoRole[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, DEMO[role]);
    await expect(page).toHaveURL(role === 'admin' ? /\/admin/ : /\/instances/);
    await page.context().storageState({ path: storageStateOf(role) });
  });
}
