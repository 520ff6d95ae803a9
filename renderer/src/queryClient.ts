import { QueryClient } from '@tanstack/react-query';

/**
 * Server state for the renderer. The app's backend is local, so a failed call is not a flaky
 * network to retry behind the user's back: show the error and let the user decide.
 */
export const createQueryClient = () =>
  new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
