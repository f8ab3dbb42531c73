import { useEffect, useState } from 'preact/hooks';
import type { TranscriptEntry } from '../../protocol/transcript';
import type { TranscriptStore } from '../transcript-store';

/** The visitor's transcript, kept current as entries are added anywhere in the widget. */
export function useTranscript(store: TranscriptStore): readonly TranscriptEntry[] {
  const [list, setList] = useState(() => store.read());
  useEffect(() => store.subscribe(setList), [store]);
  return list;
}
