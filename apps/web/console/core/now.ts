import { useEffect, useState } from 'preact/hooks';

/**
 * The time now, ticking every 30 s, so that countdowns and "overdue" stay true while a screen is
 * open (inbox, follow-up, holds).
 */
export function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
