import type { PanelContext } from '../panel-contract';
import type { TranscriptStore } from '../transcript-store';

/** What every view gets: the loader's context plus the transcript store, which lives here. */
export type PanelCtx = PanelContext & { transcript: TranscriptStore };
