/**
 * Who is signed in. Holds the session token (via the client's `session`), restores it with
 * `auth.me` after a reload, ends it on the server's word (`session.onExpired`) or after the
 * configured idle time, and leaves a notice for the login page saying why.
 */
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import type { SessionUser } from '../../../electron/common/api/auth';
import { call, session } from '../api/client';
import { clearAllDrafts } from '../components/useDraft';
import { errorMessage, isApiError } from '../components/apiErrors';
import { EXPIRED_NOTICE } from './messages';
import { useIdleTimer } from './useIdleTimer';

export interface SignedIn {
  user: SessionUser;
  idleMinutes: number;
}

type Status = 'restoring' | 'signedOut' | 'signedIn';

export interface LoginHint {
  notice?: { type: 'warning' | 'info' | 'success'; text: string };
  /** Pre-filled login name: the user whose session timed out, or the administrator just set up. */
  loginName?: string;
}

export interface AuthValue {
  status: Status;
  user: SessionUser | null;
  /** What the login page says and fills in: why it is shown (timed out, signed out, set up). */
  loginHint: LoginHint;
  setLoginHint(hint: LoginHint): void;
  signIn(result: SignedIn & { session: string }): void;
  /** 'manual': the user chose 退出登录; 'expired': the session ended (server or idle timer). */
  signOut: (reason: 'manual' | 'expired') => Promise<void>;
  /** The user replaced the password an admin set: the shell opens. */
  passwordChanged(): void;
}

const AuthContext = createContext<AuthValue | null>(null);

export function useAuth(): AuthValue {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside <AuthProvider>');
  return v;
}

/** The signed-in user, for screens inside the shell. */
export function useUser(): SessionUser {
  const { user } = useAuth();
  if (!user) throw new Error('useUser while signed out');
  return user;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>(() => (session.get() ? 'restoring' : 'signedOut'));
  const [current, setCurrent] = useState<SignedIn | null>(null);
  const [loginHint, setLoginHint] = useState<LoginHint>({});
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const forget = useCallback(() => {
    setCurrent(null);
    setStatus('signedOut');
    // Nothing one user read may linger for the next one at a shared counter.
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'setup.status' });
  }, [queryClient]);

  const signIn = useCallback((result: SignedIn & { session: string }) => {
    session.set(result.session);
    setCurrent({ user: result.user, idleMinutes: result.idleMinutes });
    setLoginHint({});
    setStatus('signedIn');
  }, []);

  const signOut = useCallback(
    async (reason: 'manual' | 'expired') => {
      const loginName = current?.user.loginName;
      if (session.get()) await call('auth.logout').catch(() => undefined);
      session.set(null);
      // Signing out on purpose hands the desk to someone else; a timed-out user gets their drafts back.
      if (reason === 'manual') clearAllDrafts();
      forget();
      if (reason === 'manual') {
        setLoginHint({ notice: { type: 'info', text: '您已退出登录' } });
        void navigate('/');
      } else {
        setLoginHint({ notice: { type: 'warning', text: EXPIRED_NOTICE }, ...(loginName ? { loginName } : {}) });
      }
    },
    [current, forget, navigate],
  );

  // The server said the session is over (idle on the server, user disabled, password reset).
  useEffect(() => {
    const unsubscribe = session.onExpired((message) => {
      const loginName = current?.user.loginName;
      forget();
      setLoginHint({ notice: { type: 'warning', text: message || EXPIRED_NOTICE }, ...(loginName ? { loginName } : {}) });
    });
    return () => {
      unsubscribe();
    };
  }, [current, forget]);

  // After a reload: the token is still in this tab's sessionStorage; ask who it belongs to.
  useEffect(() => {
    if (status !== 'restoring') return;
    let cancelled = false;
    call('auth.me')
      .then((me) => {
        if (!cancelled) {
          setCurrent(me);
          setStatus('signedIn');
        }
      })
      .catch((e: unknown) => {
        if (cancelled) return;
        session.set(null);
        forget();
        setLoginHint({ notice: { type: 'warning', text: isApiError(e, 'UNAUTHENTICATED') ? EXPIRED_NOTICE : errorMessage(e) } });
      });
    return () => {
      cancelled = true;
    };
  }, [status, forget]);

  useIdleTimer(status === 'signedIn' ? (current?.idleMinutes ?? null) : null, {
    onIdle: () => void signOut('expired'),
    // Someone typing a long form calls nothing for a while: keep the server's session alive too.
    onActiveAgain: () => void call('auth.me').catch(() => undefined),
  });

  const passwordChanged = useCallback(() => {
    setCurrent((c) => (c ? { ...c, user: { ...c.user, mustChangePassword: false } } : c));
  }, []);

  const value = useMemo<AuthValue>(
    () => ({ status, user: current?.user ?? null, loginHint, setLoginHint, signIn, signOut, passwordChanged }),
    [status, current, loginHint, signIn, signOut, passwordChanged],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
