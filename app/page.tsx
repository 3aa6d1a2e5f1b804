import { goHome } from '@/lib/auth/actions';

export const dynamic = 'force-dynamic';

export default async function Home() {
  return goHome();
}
