import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { isAppError } from '@/lib/errors';
import { verifyCredentials } from './credentials';

class RateLimitedSignIn extends CredentialsSignin {
  code = 'rate_limited';
}

function clientIp(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-for');
  return forwarded?.split(',')[0]?.trim() || request.headers.get('x-real-ip') || 'local';
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 60 * 60 * 24 * 14 },
  pages: { signIn: '/login' },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        try {
          const result = await verifyCredentials(credentials, clientIp(request));
          return result.ok ? result.user : null;
        } catch (e) {
          if (isAppError(e) && e.code === 'RATE_LIMITED') throw new RateLimitedSignIn();
          throw e;
        }
      },
    }),
  ],
  callbacks: {
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
