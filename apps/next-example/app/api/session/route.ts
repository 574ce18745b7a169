// Sign in as one of the example's users (a form post), or sign out. Stand-in for the app's real auth.
import { findUser } from '../../../lib/catalogue';
import { clearedSessionCookie, sessionCookie } from '../../../lib/session';

function backHome(cookie: string): Response {
  return new Response(null, { status: 303, headers: { Location: '/', 'Set-Cookie': cookie } });
}

export async function POST(request: Request): Promise<Response> {
  // Only this site's own sign-in form: another site must not sign a visitor in as someone else.
  const origin = request.headers.get('origin');
  const sameSite =
    origin === null ||
    (URL.canParse(origin) && new URL(origin).host === request.headers.get('host'));
  if (!sameSite) {
    return Response.json(
      { error: { code: 'cross_origin_forbidden', message: 'Sign in from this site.' } },
      { status: 403 },
    );
  }
  const form = await request.formData().catch(() => null);
  if (form?.get('action') === 'sign-out') return backHome(clearedSessionCookie());
  const user = findUser(form?.get('userId'));
  if (!user) {
    return Response.json(
      {
        error: {
          code: 'invalid_request',
          message: 'Choose one of the listed users.',
          param: 'userId',
        },
      },
      { status: 400 },
    );
  }
  return backHome(sessionCookie(user.userId));
}
