import { useEffect, useState } from 'preact/hooks';
import type { AgentLearning } from '../server/api/agent-types';
import { api } from './api';

/**
 * What resolving handoff `handoffId` with `articleId` would teach (its searches as candidate
 * phrasings), fetched whenever the article changes; null while there is no article, while it is
 * asked, or when the server refuses it (an unknown article: the form says so already).
 */
export function useLearning(handoffId: string, articleId: string | null): AgentLearning | null {
  const [learning, setLearning] = useState<AgentLearning | null>(null);
  useEffect(() => {
    setLearning(null);
    if (articleId === null) return;
    let live = true;
    api.learning(handoffId, articleId).then(
      (answer) => live && setLearning(answer),
      () => undefined, // the resolve itself reports what is wrong; without the list, the server chooses
    );
    return () => void (live = false);
  }, [handoffId, articleId]);
  return learning;
}
