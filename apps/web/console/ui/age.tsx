import { ageText, format } from '@albergue/i18n';
import { useEffect, useState } from 'preact/hooks';
import { useConsole } from '../core/context.js';

/** "updated 12 min ago", kept current while on screen (the public catalogue's words). */
export function Age({ updatedAt }: { updatedAt: string | null | undefined }) {
  const language = useConsole().language.value;
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <span class="age">
      {ageText(
        (key, params) => format(language.catalogue.strings[key], params, language.code),
        updatedAt ?? null,
        now,
      )}
    </span>
  );
}
