/**
 * English text of the sign-in page, shown only when the server asks for a token. Kept out of
 * en.ts so the first page load does not carry it. (The signed-in badge in the header keeps its
 * texts in en.ts.)
 */
export const signinEn = {
  'auth.title': 'Sign in',
  'auth.intro':
    'This server asks who you are. Paste the token you were given (`npm run hangup -- users add NAME --role ROLE` prints it once). It is kept in this browser tab only.',
  'auth.token': 'Token',
  'auth.submit': 'Sign in',
  'auth.checking': 'Checking…',
  'auth.wrong': 'The server does not know this token.',
  'auth.expired': "The server no longer accepts this tab's token: sign in again.",
  'auth.closed': 'Nobody can sign in yet: {reason}',
  'auth.failed': 'Could not reach the server: {message}',
} as const;

export type SignInMessageKey = keyof typeof signinEn;
