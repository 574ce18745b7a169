import { cookies } from 'next/headers';
import { SESSION_COOKIE, readSessionValue } from '../../lib/session';
import { OnboardingButton } from '@marketkit/react';

export default async function SellerPage() {
  const user = readSessionValue((await cookies()).get(SESSION_COOKIE)?.value);
  return (
    <section aria-labelledby="seller-title">
      <h1 id="seller-title">Your seller account</h1>
      {user?.role === 'seller' ? (
        // Offline, this leads to the sandbox's hosted onboarding form and back here.
        <OnboardingButton />
      ) : (
        <p>
          This page is for sellers. <a href="/">Sign in as one</a> first.
        </p>
      )}
    </section>
  );
}
