/**
 * The case version an edit started from. The case on screen refreshes by itself when another desk
 * changes it (pushed changes); a form the user is filling in must still be saved against the
 * version they began from, so that a concurrent change is refused as 已被他人修改 instead of being
 * silently overwritten.
 *
 *   const version = usePinnedVersion(detail.version);
 *   open: version.pin();  save: mutate({ version: version.get(), ... });  done or cancelled: version.release();
 */
import { useRef } from 'react';

export function usePinnedVersion(current: number) {
  const pinned = useRef<number | null>(null);
  // Made anew on every render, so `current` is always the version now shown.
  return {
    /** Start of an edit: remember the version now shown (a second call keeps the first). */
    pin: () => {
      pinned.current ??= current;
    },
    get: () => pinned.current ?? current,
    release: () => {
      pinned.current = null;
    },
  };
}
