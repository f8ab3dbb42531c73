import { useEffect, useState } from 'preact/hooks';
import type { TranscriptEntry } from '../../protocol/transcript';
import type { TranscriptStore } from '../transcript-store';

/** The visitor's transcript, kept current as entries are added anywhere in the widget. */
export function useTranscript(store: TranscriptStore): readonly TranscriptEntry[] {
  const [list, setList] = useState(() => store.read());
  useEffect(() => {
    const stop = store.subscribe(setList);
    // What changed between the first render and now (the search view, unmounting as this view
    // mounts, records what was typed) would otherwise be missed.
    setList(store.read());
    return stop;
  }, [store]);
  return list;
}
