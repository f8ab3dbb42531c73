/**
 * What the loader hands the lazily loaded panel, and what the panel hands back. The only
 * coupling between the two builds: the panel chunk imports types from here, never code.
 */
import type { Settings } from './settings';
import type { Language } from './i18n/locale';
import type { Emitter } from './emitter';

export interface Visitor {
  name?: string;
  email?: string;
  phone?: string;
  id?: string;
  /** The identity token (a JWT the site's server signed): sent with a handoff, the key to the visitor's history. */
  token?: string;
  attributes?: Record<string, unknown>;
}

/** Where the panel should open. */
export type View =
  | { kind: 'search'; query?: string }
  | { kind: 'article'; id: string }
  | { kind: 'human' };

export interface PanelContext {
  /** The open shadow root everything is drawn in. */
  root: ShadowRoot;
  /** The element inside the shadow root that carries the theme; the panel is drawn inside. */
  container: HTMLElement;
  settings: Settings;
  language: Language;
  emitter: Emitter;
  /** The element the panel floats beside: our Help button or the site's own. */
  anchor(): Element | null;
  visitor(): Visitor;
  /**
   * The key of the reopen link the page was opened with (#lifeline-reopen=..., already gone from
   * the address bar); the live chunk takes it (and clears it) to reopen that conversation.
   */
  reopen?: string | undefined;
  /** Whether anything may be stored in the browser now (data-consent, Lifeline('consent')); asked at each use. */
  canStore(): boolean;
  /** Adopts a stylesheet into the shadow root (constructable, or a <style> with the nonce). */
  addStyles(css: string): () => void;
  /** Opens the panel as Lifeline('open') does (the panel asks, e.g. to carry on a chat). */
  open(view?: View): void;
  /** Called by the panel once it has closed; `returnFocus` when focus was inside it. */
  onClosed(returnFocus: boolean): void;
}

export interface PanelHandle {
  open(view?: View): void;
  close(): void;
  isOpen(): boolean;
  /** Consent withdrawn: removes everything the widget stored in the browser (its keys only). */
  forget(): void;
  /** The loader recorded something (a page of a single-page app): show it. */
  sync(): void;
  destroy(): void;
}

/** Resolves once the panel is ready (its language pack included). */
export type MountPanel = (context: PanelContext) => Promise<PanelHandle>;
