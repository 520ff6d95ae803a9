/**
 * Keeps this window's cached reads in step with the centre: every change the host pushes marks
 * the reads of its topics stale (the ones on screen refetch at once), and when the host is back
 * after an outage everything is refreshed, since what changed meanwhile was never pushed here.
 */
import { useQueryClient, type Query } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { PushTopic } from '../../../electron/common/push';
import { connection } from './connection';
import { onChange, startEvents } from './events';

/** Which operations' reads (by the part before the dot) show the data of each push topic. */
export const TOPIC_READS: Record<PushTopic, readonly string[]> = {
  cases: ['cases', 'court', 'supervision', 'confirmations', 'followups', 'documents', 'stats', 'roster'],
  // Accepting a registration opens a case, and a registration takes a queue number.
  intake: ['intake', 'queue', 'cases'],
  queue: ['queue'],
  devices: ['devices'],
  settings: ['settings', 'setup', 'centre', 'printers', 'users', 'mediators', 'upload', 'intake'],
};

const domainOf = (q: Query) => String(q.queryKey[0]).split('.')[0] ?? '';

export function usePushUpdates(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const stop = startEvents();
    const offChange = onChange((e) => {
      const domains = new Set(e.topics.flatMap((t) => TOPIC_READS[t]));
      if (domains.size > 0) void queryClient.invalidateQueries({ predicate: (q) => domains.has(domainOf(q)) });
    });
    let last = connection.get();
    const offConnection = connection.subscribe(() => {
      const now = connection.get();
      if (last === 'reconnecting' && now === 'online') void queryClient.invalidateQueries();
      last = now;
    });
    return () => {
      offChange();
      offConnection();
      stop();
    };
  }, [queryClient]);
}
