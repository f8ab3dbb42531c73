import type { PanelContext } from '../panel-contract';
import type { TranscriptStore } from '../transcript-store';

/** What every view gets: the loader's context plus the transcript store, which lives here. */
export type PanelCtx = PanelContext & {
  transcript: TranscriptStore;
  /**
   * Runs `cleanup` when the panel is destroyed (Lifeline('destroy')), or at once if it already
   * was: for what outlives a view's effects, like the chat's session and its event stream.
   */
  onDestroy(cleanup: () => void): void;
};
