import { useEffect, useState } from 'preact/hooks';
import { api } from './api';

/**
 * The site's article titles by id (LIFELINE_ARTICLES), fetched once per console; null until
 * known, and when the server was not told them or could not be asked (ids are shown alone then,
 * and the server still checks an id when a handoff is resolved).
 */
export function useArticleTitles(): ReadonlyMap<string, string> | null {
  const [titles, setTitles] = useState<ReadonlyMap<string, string> | null>(null);
  useEffect(() => {
    let live = true;
    api.articles().then(
      (t) => live && setTitles(t),
      () => undefined,
    );
    return () => void (live = false);
  }, []);
  return titles;
}
