import { useEffect, useState } from 'react';
import { demoFetch, type Role, type SessionUser } from '../api';
import { useDemo } from '../app';
import { useDemoTranslator } from '../i18n';
import { navigateTo } from '../use-hash-route';

interface PickerUser extends SessionUser {
  summary: string;
}

const HOME_FOR_ROLE: Record<Role, string> = { buyer: '/', seller: '/seller', admin: '/admin' };

export function SignInPage() {
  const { user, setUser } = useDemo();
  const { t } = useDemoTranslator();
  const [users, setUsers] = useState<PickerUser[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);

  useEffect(() => {
    demoFetch<{ users: PickerUser[] }>('/api/demo/users').then(
      (result) => setUsers(result.users),
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  }, []);

  const signIn = async (userId: string) => {
    setPending(userId);
    setError(null);
    try {
      const result = await demoFetch<{ user: SessionUser }>('/api/session', {
        method: 'POST',
        body: { userId },
      });
      setUser(result.user);
      navigateTo(HOME_FOR_ROLE[result.user.role]);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setPending(null);
    }
  };

  return (
    <section className="demo-SignIn" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('signIn.title')}</h1>
      <p className="demo-Lead">
        {t('signIn.lead')}
        {user ? t('signIn.current', { name: user.displayName }) : ''}
      </p>
      {error ? (
        <p role="alert" className="demo-Error">
          {error}
        </p>
      ) : null}
      {users === null && !error ? <p aria-live="polite">{t('signIn.loading')}</p> : null}
      {(['buyer', 'seller', 'admin'] as const).map((role) => {
        const group = users?.filter((candidate) => candidate.role === role) ?? [];
        if (group.length === 0) return null;
        return (
          <div key={role} className="demo-SignInGroup">
            <h2>{t(`signIn.${role}`)}</h2>
            <ul className="demo-UserList">
              {group.map((candidate) => (
                <li key={candidate.userId}>
                  <button
                    type="button"
                    className="demo-UserCard"
                    aria-busy={pending === candidate.userId}
                    disabled={pending !== null}
                    onClick={() => void signIn(candidate.userId)}
                  >
                    <span className="demo-UserName">{candidate.displayName}</span>
                    <span className="demo-UserSummary">{candidate.summary}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
